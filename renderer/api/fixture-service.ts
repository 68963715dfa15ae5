/**
 * A small made-up service for the dev routes and the component tests: its
 * wording, as the host would serve it with `service.wording`, and a view of
 * every library step kind, valid against the contract. It stands for no real
 * service (those are folders under electron/host/services/); its keys follow
 * the convention the step screens rely on (`svc.<serviceId>.voice.<stepId>`
 * for a step's spoken prompt, any other keys as the views point at them).
 */
import {
  FlowView,
  type FlowEventType,
  type FlowStepData,
  type PathStep,
  type ServiceWording,
  type StepKind,
} from '../../electron/contract';

export const FIXTURE_SERVICE_ID = 'fixture-service';

/** A key of the fixture's own wording. */
export const fixtureKey = (key: string): string => `svc.${FIXTURE_SERVICE_ID}.${key}`;

/** The fixture's words; the voice prompts are Chinese characters only (the clips are read from pinyin). */
export const fixtureWording: ServiceWording = {
  'zh-CN': {
    name: '示例事项',
    steps: { consent: '授权查询', purpose: '选择用途', lookup: '查询', review: '核对信息', print: '打印文件' },
    consent: {
      text: '办理“示例事项”，需要您同意本机查询与您本人有关的登记信息。',
      scope: { register: '查询内容：您的户籍登记信息。', use: '查询结果只用于本次办理。' },
    },
    purpose: {
      title: '请选择文件的用途',
      options: { self: '本人留存', employer: '交给单位', other: '其他' },
      notes: { employer: '入职、单位审查等' },
    },
    lookup: { title: '正在查询登记信息' },
    photo: { title: '请拍摄证件照片' },
    sign: { title: '请签名确认', document: '申请表' },
    papers: { title: '请拍摄申请材料', lease: '房屋租赁合同', contract: '劳动合同' },
    review: {
      title: '请核对文件信息',
      rows: { name: '姓名', number: '证件号码', purpose: '用途', date: '查询日期' },
      notes: { paper: '文件打印在A4纸上，并打印一张取件凭条。' },
    },
    print: { notes: { keep: '请妥善保管您的文件。' } },
    slip: { title: '取件凭条', rows: { number: '文件编号', window: '领取窗口' } },
    applicant: {
      title: '请填写申请信息',
      fields: { name: '姓名', pinyin: '姓名拼音', reason: '申请原因', moved: '迁入日期', phone: '联系电话', address: '现住址' },
      reasons: { lost: '遗失', damaged: '损坏' },
    },
    delivery: { title: '请选择领取方式' },
    counter: { atCounter: '您的申请需要由窗口工作人员继续办理。' },
    outcome: { issued: '文件已打印，请带好您的文件和凭条。' },
    fee: { copy: '文件工本费', exemptions: { hardship: '困难群众减半' } },
    voice: { purpose: '请选择文件的用途。', review: '请核对文件上的信息，无误请点击下一步。' },
  },
  en: {
    name: 'Sample service',
    steps: { consent: 'Permission', purpose: 'Purpose', lookup: 'Search', review: 'Check details', print: 'Print' },
    consent: {
      text: 'For “Sample service”, this kiosk needs your permission to look up your registration.',
      scope: { register: 'What is looked up: your household registration.', use: 'The result is used only for this service.' },
    },
    purpose: {
      title: 'What do you need the document for?',
      options: { self: 'To keep', employer: 'For an employer', other: 'Something else' },
      notes: { employer: 'Hiring or employment checks' },
    },
    lookup: { title: 'Looking up your registration' },
    photo: { title: 'Take a photo for the document' },
    sign: { title: 'Please sign', document: 'the application form' },
    papers: { title: 'Take pictures of your papers', lease: 'Tenancy agreement', contract: 'Labour contract' },
    review: {
      title: 'Check the document details',
      rows: { name: 'Name', number: 'ID number', purpose: 'Purpose', date: 'Search date' },
      notes: { paper: 'The document prints on A4 paper, with a collection slip.' },
    },
    print: { notes: { keep: 'Please keep your document safe.' } },
    slip: { title: 'Collection slip', rows: { number: 'Document number', window: 'Collect at' } },
    applicant: {
      title: 'Your application',
      fields: { name: 'Name', pinyin: 'Name in pinyin', reason: 'Reason', moved: 'Moved in on', phone: 'Phone', address: 'Home address' },
      reasons: { lost: 'Lost', damaged: 'Damaged' },
    },
    delivery: { title: 'How would you like to get it?' },
    counter: { atCounter: 'Staff at the counter will continue your application.' },
    outcome: { issued: 'Your document has been printed. Please take it and the slip.' },
    fee: { copy: 'Document fee', exemptions: { hardship: 'Hardship: half' } },
    voice: { purpose: 'Please choose what the document is for.', review: 'Please check the details. If they are correct, touch Next.' },
  },
};

/** The fixture's main path, for the progress bar (library labels where the library's word fits). */
export const fixturePath: PathStep[] = [
  { id: 'identify', labelKey: 'flow.steps.identify' },
  { id: 'consent', labelKey: fixtureKey('steps.consent') },
  { id: 'face', labelKey: 'flow.steps.faceCheck' },
  { id: 'purpose', labelKey: fixtureKey('steps.purpose') },
  { id: 'lookup', labelKey: fixtureKey('steps.lookup') },
  { id: 'review', labelKey: fixtureKey('steps.review') },
  { id: 'print', labelKey: fixtureKey('steps.print') },
  { id: 'done', labelKey: 'flow.steps.done' },
];

/** The fixture's step id for each kind (side steps are not on the path). */
export const FIXTURE_STEP_IDS: Readonly<Record<StepKind, string>> = {
  identify: 'identify',
  consent: 'consent',
  faceCheck: 'face',
  choice: 'purpose',
  query: 'lookup',
  photo: 'photo',
  signature: 'sign',
  documentCapture: 'papers',
  review: 'review',
  selection: 'items',
  a4Print: 'print',
  receiptPrint: 'slip',
  form: 'applicant',
  delivery: 'delivery',
  counter: 'counter',
  fingerprints: 'fingerprints',
  referral: 'referral',
  done: 'done',
  failed: 'failed',
  payment: 'pay',
  submit: 'submit',
  abilityTest: 'ability',
  proxyCall: 'call',
};

/** A view of the fixture service for `data`, with the events it accepts; parsed, so a wrong fixture fails at once. */
export function fixtureView(data: FlowStepData, accepts: FlowEventType[] = [], extra: Partial<FlowView> = {}): FlowView {
  const stepId = FIXTURE_STEP_IDS[data.step];
  const index = fixturePath.findIndex((step) => step.id === stepId);
  return FlowView.parse({
    serviceId: FIXTURE_SERVICE_ID,
    // One run, and the same place in it unless a test says otherwise (views of equal seq are all shown).
    flowId: 'flow-1',
    seq: 0,
    stepId,
    step: data.step,
    stepIndex: index >= 0 ? index : fixturePath.length - 1,
    stepCount: fixturePath.length,
    path: fixturePath,
    canGoBack: accepts.includes('BACK'),
    accepts,
    data,
    ...extra,
  });
}

/** The identity a card read gives, masked as the host shows it. */
export const fixtureIdentity = {
  source: 'card',
  cardType: 'resident',
  name: '陈思远',
  idNumberMasked: '4104**********1230',
} as const;

/** One view of every kind, as a citizen first meets it. */
export const fixtureViews: { readonly [K in StepKind]: () => FlowView } = {
  identify: () => fixtureView({ step: 'identify', identity: { ...fixtureIdentity }, problem: null }, ['CONFIRM']),
  consent: () =>
    fixtureView(
      {
        step: 'consent',
        textKey: fixtureKey('consent.text'),
        scopeKeys: [fixtureKey('consent.scope.register'), fixtureKey('consent.scope.use')],
        granted: false,
      },
      ['CONSENT', 'BACK'],
    ),
  faceCheck: () => fixtureView({ step: 'faceCheck', attempt: 0, maxAttempts: 3, lastOutcome: null }, ['BACK']),
  choice: () =>
    fixtureView(
      {
        step: 'choice',
        titleKey: fixtureKey('purpose.title'),
        options: [
          { value: 'self', labelKey: fixtureKey('purpose.options.self') },
          { value: 'employer', labelKey: fixtureKey('purpose.options.employer'), noteKey: fixtureKey('purpose.notes.employer') },
          { value: 'other', labelKey: fixtureKey('purpose.options.other') },
        ],
        selected: null,
      },
      ['CHOOSE', 'BACK'],
    ),
  query: () =>
    fixtureView({ step: 'query', titleKey: fixtureKey('lookup.title'), state: 'running', failure: null, retriesLeft: 2 }),
  fingerprints: () =>
    fixtureView({ step: 'fingerprints', finger: 11, state: 'capturing', capture: 1, liveQuality: null, lastQuality: null, minQuality: 50, tries: 0, maxTries: 3, failure: null, captured: [], required: 2, exemptions: [] }, ['EXEMPT_FINGER']),
  photo: () =>
    fixtureView({ step: 'photo', spec: 'residentId', titleKey: fixtureKey('photo.title'), maxTakes: 3, takes: 0, chosen: false, studioReceipt: true }, ['BACK']),
  signature: () => fixtureView({ step: 'signature', titleKey: fixtureKey('sign.title'), documentKey: fixtureKey('sign.document'), problem: null }, ['SIGN', 'BACK']),
  documentCapture: () =>
    fixtureView(
      {
        step: 'documentCapture',
        titleKey: fixtureKey('papers.title'),
        papers: [
          { value: 'lease', labelKey: fixtureKey('papers.lease'), minPages: 1, maxPages: 3, pageIds: [] },
          { value: 'contract', labelKey: fixtureKey('papers.contract'), minPages: 2, maxPages: 2, pageIds: [] },
        ],
        state: 'capturing',
        ready: false,
      },
      ['BACK'],
    ),
  review: () =>
    fixtureView(
      {
        step: 'review',
        titleKey: fixtureKey('review.title'),
        rows: [
          { labelKey: fixtureKey('review.rows.name'), text: '陈思远' },
          { labelKey: fixtureKey('review.rows.number'), text: '4104**********1230' },
          { labelKey: fixtureKey('review.rows.purpose'), textKey: fixtureKey('purpose.options.employer') },
          { labelKey: fixtureKey('review.rows.date'), text: '2026-05-01' },
        ],
        noteKeys: [fixtureKey('review.notes.paper')],
      },
      ['CONFIRM', 'BACK'],
    ),
  selection: () =>
    fixtureView(
      {
        step: 'selection',
        titleKey: fixtureKey('review.title'),
        noteKeys: [],
        minSelected: 0,
        items: [
          { id: 'first', rows: [{ labelKey: fixtureKey('review.rows.date'), text: '2026-05-01' }], images: [], selectable: true, reasonKey: null, selected: false },
          { id: 'second', rows: [{ labelKey: fixtureKey('review.rows.date'), text: '2026-05-02' }], images: [], selectable: false, reasonKey: fixtureKey('review.notes.paper'), selected: false },
        ],
      },
      ['SELECT', 'BACK'],
    ),
  a4Print: () =>
    fixtureView(
      {
        step: 'a4Print',
        state: 'printed',
        documentNumber: 'WF-2026-000123',
        verifyCode: 'K7Q2-9XZ4',
        reprintAvailable: true,
        receipt: 'printed',
        noteKeys: [fixtureKey('print.notes.keep')],
      },
      ['CONFIRM', 'REPRINT'],
    ),
  receiptPrint: () =>
    fixtureView(
      {
        step: 'receiptPrint',
        titleKey: fixtureKey('slip.title'),
        state: 'printed',
        rows: [
          { labelKey: fixtureKey('slip.rows.number'), text: 'WF-2026-000123' },
          { labelKey: fixtureKey('slip.rows.window'), text: '2号窗口' },
        ],
        reprintAvailable: true,
      },
      ['CONFIRM', 'REPRINT'],
    ),
  form: () =>
    fixtureView(
      {
        step: 'form',
        titleKey: fixtureKey('applicant.title'),
        fields: [
          { id: 'name', type: 'text', input: 'chineseName', maxLength: 20, labelKey: fixtureKey('applicant.fields.name'), required: true },
          { id: 'pinyin', type: 'text', input: 'latin', maxLength: 40, labelKey: fixtureKey('applicant.fields.pinyin'), required: false },
          {
            id: 'reason',
            type: 'choice',
            labelKey: fixtureKey('applicant.fields.reason'),
            required: true,
            options: [
              { value: 'lost', labelKey: fixtureKey('applicant.reasons.lost') },
              { value: 'damaged', labelKey: fixtureKey('applicant.reasons.damaged') },
            ],
          },
          { id: 'moved', type: 'date', labelKey: fixtureKey('applicant.fields.moved'), required: true, min: '2000-01-01', max: '2026-12-01' },
          { id: 'phone', type: 'phone', labelKey: fixtureKey('applicant.fields.phone'), required: true },
          { id: 'address', type: 'address', labelKey: fixtureKey('applicant.fields.address'), required: true, detailMaxLength: 60 },
        ],
        values: { name: '陈思远' },
        errors: {},
      },
      ['SUBMIT_FORM', 'BACK'],
    ),
  delivery: () =>
    fixtureView(
      {
        step: 'delivery',
        titleKey: fixtureKey('delivery.title'),
        hall: { name: '示例区公安分局政务服务大厅', window: '2号窗口' },
        emsFeeFen: 1500,
        method: null,
        fields: [
          { id: 'name', type: 'text', input: 'chineseName', maxLength: 20, labelKey: 'flow.delivery.recipient.name', required: true },
          { id: 'phone', type: 'phone', labelKey: 'flow.delivery.recipient.phone', required: true },
          { id: 'address', type: 'address', labelKey: 'flow.delivery.recipient.address', required: true, detailMaxLength: 60 },
        ],
        values: { name: '陈思远' },
        errors: {},
      },
      ['SUBMIT_FORM', 'BACK'],
    ),
  counter: () =>
    fixtureView(
      { step: 'counter', reasonKey: fixtureKey('counter.atCounter'), window: '2号窗口', ticket: { state: 'printed', number: 'A017' } },
      ['CONFIRM'],
    ),
  referral: () =>
    fixtureView(
      { step: 'referral', to: 'registeredResidence', registeredProvince: '广东省', registeredCity: '深圳市', window: '2号窗口' },
      ['CONFIRM'],
      { messageKey: 'flow.referral.registeredResidence' },
    ),
  done: () => fixtureView({ step: 'done', outcome: 'issued', outcomeKey: fixtureKey('outcome.issued') }),
  failed: () =>
    fixtureView({ step: 'failed', reason: 'backendUnavailable', canRetry: true }, ['RETRY', 'CONFIRM'], {
      messageKey: 'flow.failed.backendUnavailable',
    }),
  submit: () => fixtureView({ step: 'submit', state: 'sending', reason: null, refund: null, refundedFen: null }),
  abilityTest: () =>
    fixtureView(
      {
        step: 'abilityTest',
        state: 'intro',
        round: null,
        practice: null,
        result: null,
        attempt: 1,
        maxAttempts: 2,
        limits: { answerMs: 30000, minAnswerMs: 200, reactionMs: 2000, minReactionMs: 100 },
        refused: false,
        failedNoteKey: null,
      },
      ['CONFIRM'],
    ),
  proxyCall: () =>
    fixtureView(
      { step: 'proxyCall', phase: 'opening', case: null, invite: null, iceServers: [], openRefusedReason: null, signatureProblem: null, endReason: null },
      ['BACK'],
    ),
  payment: () =>
    fixtureView(
      {
        step: 'payment',
        titleKey: 'flow.payment.title',
        state: 'waiting',
        items: [{ nameKey: fixtureKey('fee.copy'), standard: '20元/份', basis: '示例收费依据', amountFen: 2000, dueFen: 1000 }],
        exemption: { nameKey: fixtureKey('fee.exemptions.hardship'), basis: '示例减免依据', payPercent: 50 },
        totalFen: 1000,
        qrText: 'http://127.0.0.1:8743/sandbox/scan/SBX202612020000010001',
        expiresAt: new Date(Date.now() + 180_000).toISOString(),
        failure: null,
      },
      ['BACK'],
    ),
};
