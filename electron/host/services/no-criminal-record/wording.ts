/**
 * 无犯罪记录证明 in the citizen's words (zh-CN, en), mounted by the renderer
 * at `svc.no-criminal-record`; `voice.*` are the spoken prompts (npm run voice).
 * The certificate is issued after a search of the national platform
 * (公安部《公安机关办理犯罪记录查询工作规定》, 2021), so nothing here says
 * "in this office's records".
 */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { consent: '授权查询', registration: '核对户籍', purpose: '选择用途', record: '查询', review: '核对信息', print: '打印' },
    consent: {
      text: '开具无犯罪记录证明，需要您同意本机通过公安机关犯罪记录查询平台查询您本人有无犯罪记录。查询结果只用于本次开具证明；办理结束后，本机不保留您的个人信息。如不同意，可以到人工窗口办理。',
      scope: {
        registration: '核对您的户籍或居住证登记信息',
        face: '用现场人脸与您的证件照片比对',
        record: '查询您本人有无犯罪记录',
      },
    },
    // The hall sees the screen: from the purpose on, no word about records (the answer leads to the certificate or, neutrally, to a counter).
    query: { registration: '正在核对您的登记信息', record: '正在为您查询' },
    purpose: {
      title: '请选择证明用途',
      employment: '入职',
      employmentNote: '单位录用、入职审查',
      abroad: '出国（境）',
      abroadNote: '留学、工作、移民等',
      settlement: '落户',
      settlementNote: '户口迁入、积分落户',
      other: '其他',
      otherNote: '以上都不是',
    },
    review: { title: '请核对证明信息', name: '姓名', idNumber: '证件号码', purpose: '用途', queryDate: '查询截止日期' },
    notes: {
      abroad: '在国（境）外使用本证明，一般需要先办理公证，并按使用国要求办理海牙认证（附加证明书）或领事认证。',
      validity: '请按用证单位要求的有效期限使用本证明。',
      verify: '用证单位可扫描证明上的二维码，或凭核验码在线核验证明真伪。',
    },
    outcomes: { certificateIssued: '证明已开具，请带好您的证明和凭条。' },
    counter: {
      outOfProvince: '您的户籍不在本省。按跨省通办规定，您可以在本厅窗口申请，请取排队凭条到窗口办理。',
    },
    voice: {
      purpose: '请选择证明的用途。',
      review: '请核对证明上的信息，无误请点击下一步。',
    },
  },
  en: {
    steps: { consent: 'Consent', registration: 'Registration', purpose: 'Purpose', record: 'Query', review: 'Review', print: 'Print' },
    consent: {
      text: 'To issue a no-criminal-record certificate, the kiosk needs your consent to search the police criminal-record platform for records about you. The result is used only for this certificate, and the kiosk keeps none of your personal data after you finish. If you do not agree, you can apply at a staffed counter.',
      scope: {
        registration: 'Check your household or residence-permit registration',
        face: 'Compare your live face with your ID photo',
        record: 'Search for criminal records about you',
      },
    },
    query: { registration: 'Checking your registration', record: 'Looking this up for you' },
    purpose: {
      title: 'What is the certificate for?',
      employment: 'Employment',
      employmentNote: 'Hiring or job screening',
      abroad: 'Going abroad',
      abroadNote: 'Study, work or emigration',
      settlement: 'Household registration',
      settlementNote: 'Moving your hukou',
      other: 'Other',
      otherNote: 'None of the above',
    },
    review: { title: 'Check the certificate details', name: 'Name', idNumber: 'ID number', purpose: 'Purpose', queryDate: 'Searched up to' },
    notes: {
      abroad: 'To use this certificate abroad you will usually need it notarised first, then an apostille or consular legalisation as the receiving country requires.',
      validity: 'Use this certificate within the period the receiving organisation requires.',
      verify: 'The receiving organisation can scan the QR code on the certificate, or enter its verification code online, to check it.',
    },
    outcomes: { certificateIssued: 'Your certificate has been issued. Please take your certificate and slip.' },
    counter: {
      outOfProvince: 'Your household is registered in another province. Under the cross-province rules you can apply at this hall: please take a queue ticket to the counter.',
    },
    voice: {
      purpose: 'Please choose what the certificate is for.',
      review: 'Please check the certificate details, then tap next.',
    },
  },
};
