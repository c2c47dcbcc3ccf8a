// Whatever a 200 answer contains, the live layer returns well-typed data or an explained failure
// (a few random answers here; oddAnswers.fuzz.ts runs many more).
import { describeOddAnswers } from './oddAnswers';

describeOddAnswers('odd answers from the endpoint', 40);
