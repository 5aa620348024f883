// English.

import type { Messages } from './zh-CN.ts';

export const en: Messages = {
  app: { name: 'Xinhuo', fullName: '薪火 Xinhuo', tagline: 'Internal trainer selection and micro-courses' },
  nav: { screening: 'Screening', pipeline: 'Selection', importer: 'Import', history: 'Import history', sync: 'Sync', plants: 'Plants', reviewResults: 'Review results', myPackets: 'My review packets', reviewer: 'I am a reviewer: open a review packet', people: 'People', audit: 'Audit log', settings: 'Settings', signOut: 'Sign out', menu: 'Menu', signedInAs: 'Signed in as {{name}}', noAccess: 'Your account cannot open this page. Ask an administrator if you need it.' },
  recovered: { notice: 'The window stopped unexpectedly ({{reason}}) and was reloaded. Everything saved is still there; work that was not yet confirmed needs doing again.', dismiss: 'OK' },
  common: { earlierRows: 'Earlier rows', laterRows: 'Later rows', withNote: '{{text}} ({{note}})', inParens: ' ({{text}})', labelled: '{{label}}: {{value}}', listSeparator: ', ', cancel: 'Cancel', save: 'Save', back: 'Back', all: 'All', none: 'None', loading: 'Loading…', yes: 'Yes', no: 'No', close: 'Close', datePlaceholder: 'yyyy-mm-dd', pickDate: 'Pick a date' },
  status: { active: 'Active', probation: 'Probation', leave: 'On leave', departed: 'Departed', retired: 'Retired', unknown: 'Unknown' },
  profiles: { seedName: 'Internal trainer profile (example)' },
  datasets: { roster: 'Roster', performance: 'Performance', ratings: 'Ratings', activities: 'Activities', certificates: 'Certificates', trainingRecords: 'Training records', learningRecords: 'Online learning', needs: 'Training needs', businessMetrics: 'Business metrics' },
};
