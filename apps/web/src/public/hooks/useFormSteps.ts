import type { FormUiExtension } from '@formwork/definitions/forms';
import { useMemo, useState } from 'react';
import { formSections, layoutOf, visibleSections, type FormSection } from '../layout/formSections';

/** Which sections show now: all of them, or one step of the wizard. */
export function useFormSteps(
  extension: FormUiExtension | undefined,
  propertyNames: string[],
  hidden: ReadonlySet<string>,
) {
  const layout = layoutOf(extension);
  const sections = useMemo(
    () => formSections(extension, propertyNames),
    [extension, propertyNames],
  );
  const steps = useMemo(
    () => (layout === 'steps' ? visibleSections(sections, hidden) : []),
    [layout, sections, hidden],
  );
  const [requestedStep, setStep] = useState(0);
  // A condition can hide a later step while the customer is on it: stay within the steps shown.
  const step = Math.max(0, Math.min(requestedStep, steps.length - 1));
  const currentStep: FormSection | undefined = steps[step];
  const isWizard = layout === 'steps' && steps.length > 1;

  /** The step holding the first of these fields, if it is not the current one. */
  const stepOfFirst = (fields: string[]) => {
    const index = steps.findIndex((candidate) =>
      candidate.fields.some((field) => fields.includes(field)),
    );
    return index >= 0 ? index : undefined;
  };

  return {
    isWizard,
    step,
    stepCount: steps.length,
    currentStep,
    isLastStep: !isWizard || step >= steps.length - 1,
    shownSections: isWizard && currentStep ? [currentStep] : sections,
    showSectionTitles: !isWizard && layout === 'sections',
    goToStep: setStep,
    stepOfFirst,
  };
}
