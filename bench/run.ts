// `npm run bench`: speed and size targets, printed as one table. Timings are for this machine;
// compare rows across commits on the same machine, not across machines.
import { printTable, type Row } from './measure';
import { benchPlan } from './plan.bench';
import { benchDeck } from './deck.bench';
import { benchSummary } from './summary.bench';
import { benchFollowUps } from './followups.bench';

const rows: Row[] = [];
rows.push(...(await benchPlan()));
rows.push(...(await benchDeck()));
rows.push(...(await benchSummary()));
rows.push(...(await benchFollowUps()));
printTable(rows);
