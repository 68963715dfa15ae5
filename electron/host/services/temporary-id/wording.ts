/** 临时身份证申领 in the citizen's words, mounted at `svc.temporary-id`. */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { consent: '授权查询', eligibility: '核对申请', photo: '拍照', sign: '签名', pay: '缴费', feeSlip: '缴费凭证', slip: '领证回执' },
    consent: {
      text: '办理临时身份证，需要您同意本机向公安机关查询您正在办理的身份证申请，并拍摄您的证件照片。照片和申请只交给公安机关；办理结束后，本机不保留您的个人信息。',
      scope: { application: '查询您本人正在办理的身份证申请', face: '用现场人脸与您的证件照片比对', photo: '拍摄临时身份证上的照片' },
    },
    query: { eligibility: '正在查询您的身份证申请…' },
    photo: { title: '请拍一张证件照片，也可以用照相馆的照片回执' },
    sign: { title: '请在下方框内签名', document: '临时居民身份证申领登记表' },
    fee: { temporaryCard: '临时居民身份证工本费' },
    refusal: {
      noApplication: '只有正在办理身份证（换领、补领或首次申领）期间，才能办理临时身份证。没有查到您正在办理的身份证申请。请先申请办理身份证，再办理临时身份证；工作人员可以帮您。',
      otherRegistration: '您的户口不在本地。临时身份证只能由户口所在地的公安机关签发，本地不能办理。请到户口所在地的派出所申请；工作人员可以告诉您怎么办。',
      notFound: '没有查到您的户籍记录，本机不能为您办理临时身份证。请到窗口，工作人员会帮您核实。',
    },
    slip: {
      title: '临时居民身份证领证回执',
      acceptanceNumber: '受理编号',
      pending: '正在提交，稍后可凭身份证查询',
      name: '姓名',
      idNumber: '身份证号',
      collectOn: '领取日期',
      collectNow: '领取方式',
      atOnce: '现在到窗口当场领取',
      collectAt: '领取地点',
      validity: '有效期',
      validityText: '三个月，自签发之日起计算',
      bring: '领取时请带上居民户口簿和本回执。',
      returnCard: '领取正式身份证时，请交回临时身份证。',
    },
    outcomes: { applicationAccepted: '临时身份证申请已受理。请取走缴费凭证和领证回执，按回执上的时间和地点领取。' },
    voice: {
      photo: '请看着屏幕上方的摄像头拍照，也可以扫描照相馆的照片回执。',
      sign: '请用手指在框内签名。',
      slip: '申请已受理，请取走领证回执，按回执上的时间和地点领取临时身份证。',
    },
  },
  en: {
    steps: { consent: 'Consent', eligibility: 'Application', photo: 'Photo', sign: 'Sign', pay: 'Pay', feeSlip: 'Fee receipt', slip: 'Receipt' },
    consent: {
      text: 'To apply for a temporary ID card, the kiosk needs your consent to look up your ID card application in progress with the police and to take your ID photo. The photo and the application go only to the police, and the kiosk keeps none of your personal data after you finish.',
      scope: { application: 'Look up your own ID card application in progress', face: 'Compare your live face with your ID photo', photo: 'Take the photo for your temporary ID card' },
    },
    query: { eligibility: 'Looking up your ID card application…' },
    photo: { title: 'Take an ID photo, or use a photo studio\'s photo receipt' },
    sign: { title: 'Please sign in the box below', document: 'Temporary ID card application form' },
    fee: { temporaryCard: 'Temporary ID card fee' },
    refusal: {
      noApplication: 'A temporary ID card is only for people whose ID card is being made (renewal, replacement or a first card). No ID card application in progress was found for you. Please apply for your ID card first, then for a temporary one; staff can help you.',
      otherRegistration: 'Your household registration is in another place. A temporary ID card can only be issued by the police where you are registered, so it cannot be done here. Please apply at the police station where you are registered; staff can tell you how.',
      notFound: 'Your household record was not found, so the kiosk cannot take your application. Please go to the counter: staff will check it with you.',
    },
    slip: {
      title: 'Temporary ID card collection receipt',
      acceptanceNumber: 'Acceptance number',
      pending: 'Being sent: ask later with your ID number',
      name: 'Name',
      idNumber: 'ID number',
      collectOn: 'Collect on',
      collectNow: 'Collection',
      atOnce: 'Now, at the counter window',
      collectAt: 'Collect at',
      validity: 'Valid for',
      validityText: 'Three months from the day it is issued',
      bring: 'Bring your household register (户口簿) and this receipt when you collect it.',
      returnCard: 'Hand the temporary card back when you collect your ID card.',
    },
    outcomes: { applicationAccepted: 'Your temporary ID card application has been accepted. Please take your fee receipt and collection receipt, and collect the card at the time and place on the receipt.' },
    voice: {
      photo: 'Please look at the camera above the screen, or scan your photo studio receipt.',
      sign: 'Sign in the box with your finger.',
      slip: 'Your application has been accepted. Please take your receipt and collect your temporary ID card at the time and place printed on it.',
    },
  },
};
