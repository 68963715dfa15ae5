/** The invitation SMS, and the one form of a mobile number a log may show. */

export function invitationText(input: { hallName: string; agentName: string; serviceName: string; linkMinutes: number; url: string }): string {
  return `【${input.hallName}】${input.agentName} 请您通过视频确认代办 ${input.serviceName}，链接${input.linkMinutes}分钟内有效：${input.url}`;
}

/** `13812345678` → `138****5678`. */
export function maskMobile(mobile: string): string {
  return mobile.length === 11 ? `${mobile.slice(0, 3)}****${mobile.slice(7)}` : '*'.repeat(mobile.length);
}
