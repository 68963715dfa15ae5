/** The capability demonstration in the citizen's words, mounted at `svc.capability-demo`. */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { papers: '拍摄材料', prints: '采集指纹', sign: '签名', exemption: '减免查询', pay: '缴费', feeSlip: '缴费凭证', form: '打印申请表' },
    query: { exemption: '正在查询您可享受的费用减免…' },
    papers: { title: '请把材料放在高拍仪下，每页拍一张', proof: '证明材料（最多2页）' },
    sign: { title: '请在下方框内签名', document: '功能演示申请表' },
    fee: { demo: '演示工本费', exemptions: { dibao: '最低生活保障对象', hardship: '生活困难人员' } },
    outcomes: { applicationPrinted: '演示完成，请取走申请表和凭条。' },
    voice: { papers: '请把材料放在高拍仪下面。', sign: '请用手指在框内签名。' },
  },
  en: {
    steps: { papers: 'Papers', prints: 'Fingerprints', sign: 'Sign', exemption: 'Exemption', pay: 'Pay', feeSlip: 'Fee receipt', form: 'Form' },
    query: { exemption: 'Checking which fee exemption applies to you…' },
    papers: { title: 'Place your papers under the document camera, one page at a time', proof: 'Proof (up to 2 pages)' },
    sign: { title: 'Please sign in the box below', document: 'Demonstration application form' },
    fee: { demo: 'Demonstration fee', exemptions: { dibao: 'Minimum living allowance', hardship: 'Hardship' } },
    outcomes: { applicationPrinted: 'Done. Please take your form and slip.' },
    voice: { papers: 'Place your papers under the document camera.', sign: 'Sign in the box with your finger.' },
  },
};
