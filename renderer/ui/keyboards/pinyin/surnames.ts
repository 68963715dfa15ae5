/**
 * The most common Chinese surnames, most frequent first (approximately the
 * Ministry of Public Security's household-register ranking). Used to put
 * surnames first when the first character of a name is typed.
 */
export const COMMON_SURNAMES: readonly string[] = Array.from(
  '王李张刘陈杨黄赵吴周徐孙马朱胡郭何林高罗郑梁谢宋唐许韩邓冯曹彭曾肖田董潘袁蔡蒋余于杜叶程魏苏吕丁任卢姚沈钟姜崔谭陆范汪廖石金韦贾夏付傅方邹熊白孟秦邱侯江尹薛闫段雷龙黎史陶贺毛郝顾龚邵万覃武钱戴严莫孔向常汤康易乔赖文施洪辛柯庄欧阳诸葛司马上官',
).filter((c, i, all) => all.indexOf(c) === i);

const RANK = new Map(COMMON_SURNAMES.map((c, i) => [c, i]));

/** Moves common surnames to the front (most common first), keeping the order of the rest. */
export function surnamesFirst(chars: readonly string[]): string[] {
  const surnames = chars.filter((c) => RANK.has(c)).sort((a, b) => RANK.get(a)! - RANK.get(b)!);
  return [...surnames, ...chars.filter((c) => !RANK.has(c))];
}
