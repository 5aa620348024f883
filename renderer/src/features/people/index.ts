export { PeopleScreen } from './people-screen.tsx';
export { EmployeePage } from './employee-page.tsx';
