/** 身份证办理进度查询 in the citizen's words, mounted at `svc.id-card-progress`. */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { consent: '授权查询', progress: '查询进度', slip: '打印凭条' },
    consent: {
      text: '查询身份证办理进度，需要您同意本机向公安机关查询您本人的身份证申领记录。查询结果只显示在本屏幕和凭条上；办理结束后，本机不保留您的个人信息。',
      scope: { applications: '查询您本人的身份证申领、制证和寄送情况', face: '用现场人脸与您的证件照片比对' },
    },
    query: { progress: '正在查询您的身份证办理进度' },
    slip: {
      title: '身份证办理进度',
      kind: '业务类型',
      acceptanceNumber: '受理编号',
      acceptedOn: '受理日期',
      status: '办理状态',
      expectedOn: '预计制证完成',
      collectAt: '领取地点',
      emsNumber: 'EMS单号',
    },
    kinds: { renewal: '到期换领', replacement: '丢失补领', damaged: '损坏换领', first: '首次申领' },
    statuses: { accepted: '已受理', producing: '制证中', readyForCollection: '待领取', posted: '已寄出' },
    outcomes: {
      progressShown: '查询完成，请取走您的凭条。',
      noApplication: '没有查到您正在办理的身份证申请。如已在其他地方申请，请向受理单位咨询。',
    },
    voice: { slip: '查询完成，请查看屏幕上的办理进度，并取走凭条。' },
  },
  en: {
    steps: { consent: 'Consent', progress: 'Progress', slip: 'Slip' },
    consent: {
      text: 'To show the progress of your ID card application, the kiosk needs your consent to look up your own ID card applications with the police. The result is shown only on this screen and on your slip, and the kiosk keeps none of your personal data after you finish.',
      scope: { applications: 'Look up your own ID card applications, production and delivery', face: 'Compare your live face with your ID photo' },
    },
    query: { progress: 'Looking up your ID card application' },
    slip: {
      title: 'ID card application progress',
      kind: 'Application',
      acceptanceNumber: 'Acceptance number',
      acceptedOn: 'Accepted on',
      status: 'Status',
      expectedOn: 'Expected ready',
      collectAt: 'Collect at',
      emsNumber: 'EMS number',
    },
    kinds: { renewal: 'Renewal on expiry', replacement: 'Replacement of a lost card', damaged: 'Replacement of a damaged card', first: 'First card' },
    statuses: { accepted: 'Accepted', producing: 'Being made', readyForCollection: 'Ready to collect', posted: 'Posted' },
    outcomes: {
      progressShown: 'Done. Please take your slip.',
      noApplication: 'No ID card application in progress was found for you. If you applied elsewhere, please ask the office that accepted it.',
    },
    voice: { slip: 'Here is the progress of your application. Please take your slip.' },
  },
};
