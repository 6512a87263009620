export { compileFlow, type CompileFlowResult } from './compile-flow.js';
export {
  createFlowMachine,
  type EffectAction,
  type FlowEffects,
  type FlowMachineInput,
} from './create-flow-machine.js';
export { evaluateCondition, readContextPath, type FlowContext } from './evaluate-condition.js';
export {
  FLOW_ERROR_CODES,
  type FlowError,
  type FlowErrorCode,
  type FlowValidationContext,
  type FlowValidationResult,
} from './flow-errors.js';
export * from './machine-types.js';
export { checkWebhookUrl } from './check-webhook-url.js';
export { validateFlow } from './validate-flow.js';
export {
  simulateFlow,
  type SimulationChoices,
  type SimulationResult,
  type SimulationStep,
  type SimulationWait,
  type StepChoice,
  type TaskChoice,
} from './simulate-flow.js';
export { FLOW_FIXTURES, type FlowFixture } from './fixtures/index.js';
