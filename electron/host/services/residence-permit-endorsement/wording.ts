/** 居住证签注 in the citizen's words (plain, short: many holders are older), mounted at `svc.residence-permit-endorsement`. */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { consent: '同意查询', check: '查询居住证', review: '核对', endorse: '办理签注', slip: '打印凭条' },
    consent: {
      text: '办理居住证签注，需要您同意本机向公安机关查询您本人的居住证和居住登记。签注不收费。办完后，本机不保留您的个人信息。',
      scope: { permit: '查询您本人的居住证和居住登记', face: '用现场人脸和您的证件照片比对' },
    },
    query: { check: '正在查询您的居住证，请稍等', endorse: '正在为您办理签注，请稍等' },
    review: {
      title: '请核对，没有问题请按确认',
      holder: '持证人',
      permitNumber: '居住证编号',
      endorsedUntil: '现在的签注到',
      newEndorsedUntil: '签注后有效到',
      fee: '费用',
      free: '免费',
      notes: {
        due: '按确认后，为您办理今年的签注。',
        late: '您的签注已经过期。现在补办，补办后居住证恢复使用，在本地的居住年限从今天起重新计算。',
      },
    },
    slip: {
      title: '居住证签注凭条',
      holder: '持证人',
      idNumber: '身份证号',
      permitNumber: '居住证编号',
      endorsementNumber: '签注编号',
      endorsedOn: '签注日期',
      newEndorsedUntil: '签注有效期至',
      nextNote: '下次签注：请在有效期满前一个月内来办理。',
      freeNote: '签注不收费。',
    },
    counter: {
      noPermit: '没有查到您在本地的居住证，所以不能签注。请先办理居住证：凭小票到窗口，工作人员帮您申领。',
      registrationLapsed: '您在本地的居住登记已经中断，暂时不能签注。请凭小票到窗口重新办理居住登记，然后再办签注。',
      alreadyEndorsed: '您的居住证今年已经签注过了，有效到{{until}}，现在不用再办。下一次签注请在{{dueFrom}}到{{until}}之间来办。有疑问请凭小票到窗口咨询。',
      tooEarly: '您的居住证还没住满一年，现在还不能签注。请在{{dueFrom}}到{{until}}之间来办。有疑问请凭小票到窗口咨询。',
      notFound: '没有查到您的居住证信息。请凭小票到窗口，工作人员帮您查。',
      endorseFailed: '签注没有办成。请凭小票到窗口，工作人员帮您办理。',
    },
    outcomes: { endorsed: '签注办好了，请取走凭条。' },
    voice: {
      review: '请核对屏幕上的信息，没有问题请按确认。',
      slip: '签注办好了，请取走凭条。',
    },
  },
  en: {
    steps: { consent: 'Consent', check: 'Look up permit', review: 'Check', endorse: 'Endorse', slip: 'Slip' },
    consent: {
      text: 'To endorse your residence permit, the kiosk needs your consent to look up your own residence permit and residence registration with the police. The endorsement is free. The kiosk keeps none of your personal data after you finish.',
      scope: { permit: 'Look up your own residence permit and residence registration', face: 'Compare your live face with your ID photo' },
    },
    query: { check: 'Looking up your residence permit, please wait', endorse: 'Endorsing your permit, please wait' },
    review: {
      title: 'Please check, then press Confirm',
      holder: 'Holder',
      permitNumber: 'Permit number',
      endorsedUntil: 'Endorsed until now',
      newEndorsedUntil: 'Endorsed until after this',
      fee: 'Fee',
      free: 'Free',
      notes: {
        due: 'Press Confirm to endorse your permit for this year.',
        late: 'Your endorsement has run out. Endorsing now makes your permit work again; your years of residence here count again from today.',
      },
    },
    slip: {
      title: 'Residence permit endorsement slip',
      holder: 'Holder',
      idNumber: 'ID number',
      permitNumber: 'Permit number',
      endorsementNumber: 'Endorsement number',
      endorsedOn: 'Endorsed on',
      newEndorsedUntil: 'Endorsed until',
      nextNote: 'Next endorsement: come in the month before it runs out.',
      freeNote: 'The endorsement is free.',
    },
    counter: {
      noPermit: 'No residence permit here was found for you, so it cannot be endorsed. Please apply for a residence permit first: take your ticket to the window and staff will help you.',
      registrationLapsed: 'Your residence registration here has stopped, so the permit cannot be endorsed for now. Please take your ticket to the window to register your residence again, then endorse.',
      alreadyEndorsed: 'Your residence permit is already endorsed for this year, until {{until}}; nothing more to do now. Please come for the next endorsement between {{dueFrom}} and {{until}}. Take your ticket to the window if you have a question.',
      tooEarly: 'Your residence permit has not yet had its first full year, so it cannot be endorsed yet. Please come between {{dueFrom}} and {{until}}. Take your ticket to the window if you have a question.',
      notFound: 'Your residence permit could not be found. Please take your ticket to the window and staff will look for you.',
      endorseFailed: 'The endorsement could not be made. Please take your ticket to the window and staff will do it for you.',
    },
    outcomes: { endorsed: 'Your permit is endorsed. Please take your slip.' },
    voice: {
      review: 'Please check the screen, then press Confirm.',
      slip: 'Your permit is endorsed. Please take your slip.',
    },
  },
};
