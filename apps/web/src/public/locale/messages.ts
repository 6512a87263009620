/** Every text of the public form page, in both languages (the page ships no i18n library). */
const en = {
  language: 'Language',
  loading: 'Loading the form…',
  notFoundTitle: 'Form not found',
  notFoundBody: 'Check the link you were given; it may be incomplete.',
  closedTitle: 'This form is closed',
  closedBody: 'It no longer accepts answers.',
  rateLimitedTitle: 'Too many attempts',
  rateLimitedBody: 'Please wait a moment, then try again.',
  rateLimitedSeconds: 'Please try again in {seconds} seconds.',
  loadFailedTitle: 'The form could not be loaded',
  loadFailedBody: 'Check your connection and try again.',
  retry: 'Try again',
  thanksTitle: 'Thank you!',
  thanksBody: 'Your answer has been received.',
  submit: 'Submit',
  submitting: 'Sending…',
  next: 'Next',
  back: 'Back',
  stepOf: 'Step {step} of {total}',
  requiredMark: 'required',
  sendFailed: 'Your answer could not be sent. Check your connection and try again.',
  tooLarge: 'Your answer is too large to send. Shorten the long texts and try again.',
  fixErrors: 'Please correct the marked fields.',
  choose: 'Choose…',
  npsLow: 'Not at all likely',
  npsHigh: 'Extremely likely',
  ratingValue: '{value} of {max}',
  honeypot: 'Leave this field empty',
  errorRequired: 'Please fill in this field.',
  errorEmail: 'Enter a valid email address.',
  errorPhone: 'Enter a valid phone number.',
  errorDate: 'Enter a valid date.',
  errorUrl: 'Enter a valid web address.',
  errorFormat: 'The format is not valid.',
  errorInteger: 'Enter a whole number.',
  errorNumber: 'Enter a number.',
  errorMinimum: 'Enter at least {limit}.',
  errorMaximum: 'Enter at most {limit}.',
  errorMinLength: 'Enter at least {limit} characters.',
  errorMaxLength: 'Enter at most {limit} characters.',
  errorEnum: 'Choose one of the options.',
};

export type MessageKey = keyof typeof en;
export type Messages = Record<MessageKey, string>;

const zhCN: Messages = {
  language: '语言',
  loading: '正在加载表单…',
  notFoundTitle: '找不到此表单',
  notFoundBody: '请检查您收到的链接是否完整。',
  closedTitle: '此表单已关闭',
  closedBody: '它已不再接收提交。',
  rateLimitedTitle: '操作过于频繁',
  rateLimitedBody: '请稍候片刻再试。',
  rateLimitedSeconds: '请在 {seconds} 秒后重试。',
  loadFailedTitle: '表单加载失败',
  loadFailedBody: '请检查网络连接后重试。',
  retry: '重试',
  thanksTitle: '感谢您的提交！',
  thanksBody: '我们已收到您的回复。',
  submit: '提交',
  submitting: '正在提交…',
  next: '下一步',
  back: '上一步',
  stepOf: '第 {step} 步，共 {total} 步',
  requiredMark: '必填',
  sendFailed: '提交失败，请检查网络连接后重试。',
  tooLarge: '提交的内容过大，请精简较长的文字后重试。',
  fixErrors: '请修正标出的字段。',
  choose: '请选择…',
  npsLow: '完全不可能',
  npsHigh: '非常可能',
  ratingValue: '{value} / {max}',
  honeypot: '请勿填写此项',
  errorRequired: '请填写此项。',
  errorEmail: '请输入有效的邮箱地址。',
  errorPhone: '请输入有效的电话号码。',
  errorDate: '请输入有效的日期。',
  errorUrl: '请输入有效的网址。',
  errorFormat: '格式不正确。',
  errorInteger: '请输入整数。',
  errorNumber: '请输入数字。',
  errorMinimum: '不能小于 {limit}。',
  errorMaximum: '不能大于 {limit}。',
  errorMinLength: '至少输入 {limit} 个字符。',
  errorMaxLength: '最多输入 {limit} 个字符。',
  errorEnum: '请从选项中选择。',
};

export const LOCALES = ['zh-CN', 'en'] as const;
export type Locale = (typeof LOCALES)[number];

export const MESSAGES: Record<Locale, Messages> = { en, 'zh-CN': zhCN };

export const LOCALE_NAMES: Record<Locale, string> = { 'zh-CN': '中文', en: 'English' };

/** Chinese for any `zh*` browser language, English otherwise. */
export function localeFor(language: string | undefined): Locale {
  return language?.toLowerCase().startsWith('zh') ? 'zh-CN' : 'en';
}

/** Fills `{name}` placeholders. */
export function format(text: string, values: Record<string, string | number>): string {
  return text.replace(/\{(\w+)\}/g, (placeholder, name: string) =>
    name in values ? String(values[name]) : placeholder,
  );
}
