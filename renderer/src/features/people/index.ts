// 员工: the people list (the first screen after sign-in, loaded eagerly) and the employee page.

import { lazy } from 'react';
import type { Feature } from '../contract/feature.ts';
import { en, zhCN } from './messages.ts';
import { PeopleScreen } from './people-screen.tsx';

const EmployeePage = lazy(() => import('./employee-page.tsx').then((m) => ({ default: m.EmployeePage })));

export const peopleFeature: Feature = {
  id: 'people',
  routes: [
    { name: 'people', path: 'people', needs: 'people', nav: 'nav.people', screen: PeopleScreen },
    { name: 'employee', path: 'people', param: true, needs: 'people', highlights: 'people', screen: EmployeePage },
  ],
  messages: { 'zh-CN': zhCN, en },
};
