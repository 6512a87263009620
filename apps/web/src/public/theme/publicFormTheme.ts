import type { RegistryWidgetsType, TemplatesType } from '@rjsf/utils';
import { BaseInputTemplate } from './BaseInputTemplate';
import { CheckboxesWidget, CheckboxWidget, RadioWidget, SelectWidget } from './ChoiceWidgets';
import { FieldTemplate } from './FieldTemplate';
import { ObjectFieldTemplate } from './ObjectFieldTemplate';
import { NpsWidget, RatingWidget } from './ScaleWidgets';
import { TextareaWidget } from './TextareaWidget';
import { DescriptionFieldTemplate, FieldErrorTemplate, FieldHelpTemplate } from './TextTemplates';

/** Our own light RJSF theme: plain elements styled by public-form.css, no UI kit. */
export const publicFormTemplates: Partial<TemplatesType> = {
  BaseInputTemplate,
  DescriptionFieldTemplate,
  FieldErrorTemplate,
  FieldHelpTemplate,
  FieldTemplate,
  ObjectFieldTemplate,
};

export const publicFormWidgets: RegistryWidgetsType = {
  CheckboxWidget,
  CheckboxesWidget,
  RadioWidget,
  SelectWidget,
  TextareaWidget,
  nps: NpsWidget,
  rating: RatingWidget,
  RatingWidget,
};
