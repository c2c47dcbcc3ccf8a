// Whatever a 200 answer contains, the live layer returns well-typed data or an explained failure
// (many random answers; run by `npm run fuzz`).
import { describeOddAnswers } from './oddAnswers';

describeOddAnswers('odd answers from the endpoint (fuzz)', 1000);
