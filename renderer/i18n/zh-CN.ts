/** Simplified Chinese catalogue (the default language). Every UI string lives here and in en.ts. */
export const zhCN = {
  app: {
    simulation: '模拟演示',
    simulationHint: '当前为模拟设备，仅供演示和测试',
  },
  attract: {
    start: '请放置身份证或触摸屏幕开始',
    startSub: '自助办理 · 请按屏幕提示操作',
    starting: '正在开始，请稍候…',
    hallLoading: '正在载入…',
    settings: '显示设置',
  },
  clock: {
    label: '当前时间',
  },
  language: {
    label: '语言',
    zhCN: '中文',
    en: 'English',
  },
  elder: {
    label: '长辈模式',
    on: '已开启',
    off: '已关闭',
    hint: '大字体，更清晰',
  },
  devices: {
    title: '设备状态',
    loading: '正在检查设备…',
    empty: '暂无设备信息',
    simulated: '模拟',
    kind: {
      idcard: '身份证阅读器',
      receiptPrinter: '凭条打印机',
      a4Printer: '文件打印机',
      camera: '人像摄像头',
      scanner: '扫码器',
      fingerprint: '指纹仪',
    },
    state: {
      starting: '正在启动',
      online: '正常',
      offline: '未连接',
      noDevice: '未检测到设备',
      hardwareError: '故障',
      userError: '需要处理',
      busy: '使用中',
    },
    media: {
      unknown: '状态未知',
      present: '已放置',
      absent: '未放置',
      low: '纸张将尽',
      out: '缺纸',
      jammed: '卡纸',
    },
  },
  session: {
    title: '已开始办理',
    servicesComing: '服务目录即将开放',
    servicesComingDetail: '自助服务正在陆续接入。如需办理业务，请咨询窗口工作人员。',
    cancel: '取消',
    ending: '正在结束…',
  },
  connection: {
    restarting: '服务正在重启，请稍候',
    restartingDetail: '系统将自动恢复，无需任何操作',
    starting: '正在启动，请稍候',
  },
  errors: {
    generic: '暂时无法办理，请稍后再试或咨询工作人员',
    timeout: '系统响应超时，请稍后再试',
    connectionLost: '与服务的连接已中断，请稍后再试',
    invalidReply: '系统返回了无法识别的信息，请稍后再试',
    transport: '系统通信出错，请稍后再试',
    invalidMessage: '请求无法识别，请稍后再试',
    unsupportedVersion: '系统版本不一致，请联系工作人员',
    unknownMethod: '该功能暂不可用',
    invalidParams: '请求信息有误，请重试',
    unauthorized: '终端未获授权，请联系工作人员',
    sessionActive: '上一位办理人尚未结束，请稍候',
    noSession: '办理已结束',
    deviceUnavailable: '所需设备暂不可用，请咨询工作人员',
    internal: '系统内部错误，请稍后再试',
    hostUnavailable: '服务暂不可用，请稍候',
    duplicateRequestId: '请求重复，请重试',
    tooManyRequests: '系统繁忙，请稍后再试',
  },
};

/** The shape every catalogue has: the same keys, any strings. */
export type Catalogue = DeepStrings<typeof zhCN>;
type DeepStrings<T> = { [K in keyof T]: T[K] extends string ? string : DeepStrings<T[K]> };
