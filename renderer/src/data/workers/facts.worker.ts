// The facts worker: the resolved fact model, held once (facts/held-facts.ts), with the query
// handlers that need it registered on it. Analytics and quality checks register theirs here.

import { HeldFacts } from '../facts/held-facts.ts';
import { peopleHandlers } from './handlers/people.ts';
import { recordHandlers } from './handlers/records.ts';
import { screeningHandlers } from './handlers/screening.ts';
import { syncHandlers } from './handlers/sync.ts';
import { serve, type PortLike } from './rpc.ts';

const facts = new HeldFacts();

export const factsHandlers = {
  ...screeningHandlers(facts),
  ...recordHandlers(facts),
  ...peopleHandlers(facts),
  ...syncHandlers(facts),
};

export type FactsApi = typeof factsHandlers;

serve(self as unknown as PortLike, factsHandlers);
