// A FeatureContext for a snippet, built with the real module model (no mocks): the snippet is `main.tf`,
// `otherFiles` are sibling files of the same module (names → texts, `.tf` or `.tf.json`).
import { createModuleFromTexts, type FeatureContext } from '../../server/src/model';

export function contextFor(text: string, otherFiles: Record<string, string> = {}, name = 'main.tf'): FeatureContext {
  return createModuleFromTexts({ [name]: text, ...otherFiles }).contextFor(name);
}
