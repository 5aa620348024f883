// Roles and capabilities live with the write path that enforces them (shared/records).

export { can, departmentScope, type Capability, type SignedInUser } from '../../../../shared/records/permissions.ts';
