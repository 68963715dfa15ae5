/** 驾驶人安全驾驶证明 in the citizen's words, mounted at `svc.safe-driving-certificate`. */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { consent: '授权查询', period: '选择期间', record: '查询记录', review: '核对信息', print: '打印' },
    consent: {
      text: '开具驾驶人安全驾驶证明，需要您同意本机向公安交通管理部门查询您本人的驾驶证、交通违法和交通事故记录。查询结果只用于本次开具证明；办理结束后，本机不保留您的个人信息。',
      scope: { licence: '查询您的驾驶证信息和记分', record: '查询所选期间的交通违法和交通事故记录', face: '用现场人脸与您的证件照片比对' },
    },
    period: { title: '请选择证明的期间', y1: '近1年', y1Note: '从今天往前1年', y3: '近3年', y3Note: '从今天往前3年' },
    query: { record: '正在查询您的驾驶记录' },
    review: {
      title: '请核对证明信息',
      name: '姓名',
      idNumber: '证件号码',
      classes: '准驾车型',
      status: '驾驶证状态',
      period: '证明期间',
      violations: '交通违法（起，其中未处理）',
      accidents: '交通事故（起，其中负有责任）',
      points: '当前记分周期累积记分',
    },
    statuses: { normal: '正常', pointsExceeded: '超分', expired: '逾期未换证', revoked: '吊销', cancelled: '注销', detained: '暂扣', suspended: '停止使用' },
    notes: { verify: '用证单位可扫描证明上的二维码，或凭核验码在线核验证明真伪。' },
    outcomes: {
      certificateIssued: '证明已开具，请带好您的证明和凭条。',
      noLicence: '没有查到您的机动车驾驶证信息，无法开具本证明。如有疑问，请到交管窗口咨询。',
    },
    voice: { period: '请选择证明的期间，近一年或者近三年。', review: '请核对证明上的信息，无误请点击下一步。' },
  },
  en: {
    steps: { consent: 'Consent', period: 'Period', record: 'Query', review: 'Review', print: 'Print' },
    consent: {
      text: 'To issue a safe-driving certificate, the kiosk needs your consent to look up your own driving licence, traffic violations and accidents with the traffic police. The result is used only for this certificate, and the kiosk keeps none of your personal data after you finish.',
      scope: { licence: 'Look up your driving licence and points', record: 'Look up violations and accidents in the period you choose', face: 'Compare your live face with your ID photo' },
    },
    period: { title: 'Which period should the certificate cover?', y1: 'Last year', y1Note: 'The 12 months up to today', y3: 'Last 3 years', y3Note: 'The 3 years up to today' },
    query: { record: 'Looking up your driving record' },
    review: {
      title: 'Check the certificate details',
      name: 'Name',
      idNumber: 'ID number',
      classes: 'Licence classes',
      status: 'Licence status',
      period: 'Period',
      violations: 'Traffic violations (not yet handled)',
      accidents: 'Traffic accidents (at fault)',
      points: 'Points in the current cycle',
    },
    statuses: { normal: 'Valid', pointsExceeded: 'Points limit exceeded', expired: 'Expired, not renewed', revoked: 'Revoked', cancelled: 'Cancelled', detained: 'Held by police', suspended: 'Suspended' },
    notes: { verify: 'The receiving organisation can scan the QR code on the certificate, or enter its verification code online, to check it.' },
    outcomes: {
      certificateIssued: 'Your certificate has been issued. Please take your certificate and slip.',
      noLicence: 'No driving licence was found for you, so this certificate cannot be issued. Please ask at the traffic counter.',
    },
    voice: { period: 'Please choose the period: the last year or the last three years.', review: 'Please check the certificate details, then tap next.' },
  },
};
