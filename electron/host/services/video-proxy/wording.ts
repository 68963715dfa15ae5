/**
 * 可视化代办 in the citizen's words, mounted at `svc.video-proxy`. The
 * generic words of the call step (`flow.proxyCall.*`) are the renderer's;
 * these are the service's: its steps, what the agent agrees to, the
 * services a relative may do, the form, why it ends. `voice.*` are spoken.
 */
import type { ServiceWording } from '../../../contract';

export const wording: ServiceWording = {
  'zh-CN': {
    steps: { consent: '同意录像', service: '选择业务', principal: '委托人信息', call: '视频核验' },
    identify: { cardRequired: '代办人请把本人身份证放在感应区。手工输入的号码不能用于代办。' },
    consent: {
      text: '可视化代办需要委托人本人用手机参加视频，由民警在线核实后同意办理。通话会被录音录像，包括您（代办人）的面部和声音；录像由大厅加密保存，到期删除。不同意的，请到窗口办理。',
      scope: {
        recording: '通话录音录像，包括代办人的面部和声音',
        principal: '把委托人的身份证号码和手机号码发给大厅，用于邀请和核实委托人',
        signature: '代办人在本机签名，签名留在本机，大厅只保存签名的校验值',
      },
    },
    service: { title: '请选择替委托人办理的业务' },
    services: {
      'no-criminal-record': '无犯罪记录证明',
      'residence-permit-endorsement': '居住证签注',
      'id-card-progress': '身份证办理进度查询及领证',
      'exit-entry-progress': '出入境办理进度查询及领证',
    },
    principal: {
      title: '请输入委托人的身份证号码和手机号码',
      idNumber: '委托人身份证号码',
      mobile: '委托人手机号码',
      ownNumber: '这是您本人的号码。请输入委托人的号码。',
    },
    counter: {
      declined: '不同意录像的，请到窗口由工作人员为您办理。',
      hallLost: '暂时连不上大厅的视频服务。请到窗口办理，本次没有办理任何业务。',
    },
    outcomes: {
      approved: '民警已同意代办，现在为委托人办理。',
      proxyEnded: '本次代办没有办理任何业务。',
    },
    voice: {
      identify: '代办人请把本人身份证放在感应区。',
      consent: '通话会被录音录像，请阅读后选择是否同意。',
      service: '请选择替委托人办理的业务。',
      principal: '请输入委托人的身份证号码和手机号码。',
      proxyCall: '请让委托人用手机扫描二维码，或打开短信里的链接。',
    },
  },
  en: {
    steps: { consent: 'Recording', service: 'Service', principal: 'Principal', call: 'Video check' },
    identify: { cardRequired: 'Please place your own ID card on the reader. A typed number cannot be used to act for someone.' },
    consent: {
      text: 'For a video-assisted proxy application, the person you act for joins a video call on their own phone and an officer checks it online before approving. The call is recorded, including your face and voice; the hall keeps the recording encrypted and deletes it when its time is up. If you do not agree, please go to a counter.',
      scope: {
        recording: 'The call is recorded, including your face and voice',
        principal: 'The principal’s ID number and mobile number go to the hall, to invite and check them',
        signature: 'You sign on this kiosk; the signature stays here, the hall keeps only its checksum',
      },
    },
    service: { title: 'Choose the service to do for the principal' },
    services: {
      'no-criminal-record': 'No-criminal-record certificate',
      'residence-permit-endorsement': 'Residence permit annual endorsement',
      'id-card-progress': 'ID card progress and collection',
      'exit-entry-progress': 'Passport and permit progress and collection',
    },
    principal: {
      title: 'Enter the principal’s ID number and mobile number',
      idNumber: 'Principal’s ID number',
      mobile: 'Principal’s mobile number',
      ownNumber: 'This is your own number. Please enter the principal’s number.',
    },
    counter: {
      declined: 'If you do not agree to the recording, staff at a counter will help you.',
      hallLost: 'The hall’s video service cannot be reached now. Please go to a counter; nothing was done.',
    },
    outcomes: {
      approved: 'The officer approved. The service now runs for the principal.',
      proxyEnded: 'Nothing was done for the principal this time.',
    },
    voice: {
      identify: 'Please place your own ID card on the reader.',
      consent: 'The call is recorded. Please read and choose whether you agree.',
      service: 'Choose the service to do for the principal.',
      principal: 'Enter the principal’s ID number and mobile number.',
      proxyCall: 'Ask the principal to scan the QR code with their phone, or open the link in the text message.',
    },
  },
};
