/**
 * The characters the pinyin keyboard offers, in ranking order. Build-time only
 * (scripts/build-pinyin-index.ts and tests import it); the app loads the
 * generated index instead.
 *
 * Order: a modern-Chinese frequency list (the top ~1000 characters, as widely
 * published), then the rest of GB 2312 level 1 (3755 common characters), then
 * characters people have in their names but GB 2312 lacks (喆 堃 龑 䶮 …),
 * then GB 2312 level 2, then the rest of GBK (rare and traditional forms).
 */

/** Frequent characters, most frequent first (approximate; only the order matters). */
const FREQUENT =
  '的一是不了在人有我他这个们中来上大为和国地到以说时要就出会可也你对生能而子那得于着下自之年过发后作里用道行所然家种事成方多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头文体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湾吉减编楚肯测败屋跑梦散温困剑渐封救贵枪缺楼县尚毫移娘朋画班智亦耳恩短掌恐遗固席松秘谢鲁遇康虑幸均销钟诗藏赶剧票损忽巨炮旧端探湖录叶春乡附吸予礼港雨呀板庭妇归睛饭额含顺输摇招婚脱补谓督毒油疗旅泽材灭逐莫笔亡鲜词圣择寻厂睡博勒烟授诺伦岸奥唐卖俄炸载洛健堂旁宫喝借君禁阴园谋宋避抓荣姑孙逃牙束跳顶玉镇雪午练迫爷篇肉嘴馆遍凡础洞卷坦牛宁纸诸训私庄祖丝翻暴森塔默握戏隐熟骨访弱蒙歌店鬼软典欲萨伙遭盘爸扩盖弄雄稳忘亿刺拥徒姆杨齐赛趣曲刀床迎冰虚玩析窗醒妻透购替塞努休虎扬途侵刑绿兄迅套贸毕唯谷轮库迹尤竞街促延震弃甲伟麻川申缓潜闪售灯针哲络抵朱埃抱鼓植纯夏忍页杰筑折郑贝尊吴秀混臣雅振染盛怒舞圆搞狂措姓残秋培迷诚宽宇猛摆梅毁伸摩盟末乃悲拍丁赵抢省市区县镇乡村路街道号楼栋单元室';

/** Name characters missing from GB 2312 (and some in it), including rare ones such as 喆 堃 龑 䶮. */
const NAME_EXTRAS =
  '喆堃龑䶮昇犇淼玥珺赟旻曌垚燚彧翀祎晞瑄璟琮煜熠珏玹珩頔淏湉昀暻钖铖锘镕霈骞鹍玙琤璠瑢瑭瑨瑷璘璞瑒瑧珣珅琨琦琸琛琰婕妤婳嫚媛姮娓钰镛锴锟铠祐禛祺祯昊晗晟晔晖暄暐暘曦炅炜烜焘焓熙燊燏灏瀚澍濛潆沄沨泓洺浛涵溥滢漪瀛鑫淇囡堇埙垠壵峣崧嵘嵚芃芊芮苒茜荃莘菁萱蔚蕤薇蓁彤彬怡恺悦愔慜懿戬斐旸昕昉昳晏晁枫栩桉梓棠楠榕槿樾檀歆汐沁洹浔渲湛溱滟澈烁炘焜煊煦犀玎玑玚玠玢玭玳珈珉珞珮琍琎琪琳瑜瑞瑶瑾璇璐璨璩瓅甦皓睿祁禹稷筠箐粲絜缇缙翊翎翕聿胤臻芷苡茗荀莜菲葳蓓蔻蕊蘅衎衿袆谞赜轩迪逍邈郗钤铉锃锦镠闿阗陟隽雎雯霁霖靓韡颀颉馥骁骐鸾鹏麟黛鼐龢';

function isHan(c: string): boolean {
  return /^\p{Script=Han}$/u.test(c);
}

/** Decodes the two-byte GB 2312/GBK code points in rows `fromRow..toRow`, cells `fromCell..toCell`. */
function decodeRows(decoder: TextDecoder, fromRow: number, toRow: number, fromCell: number, toCell: number): string[] {
  const out: string[] = [];
  for (let row = fromRow; row <= toRow; row++) {
    for (let cell = fromCell; cell <= toCell; cell++) {
      if (cell === 0x7f) continue;
      const c = decoder.decode(new Uint8Array([row, cell]));
      if (isHan(c)) out.push(c);
    }
  }
  return out;
}

/** The character sets by tier, decoded from the GBK code table (no large literal in the source). */
export interface CharTiers {
  frequent: string[];
  gb2312Level1: string[];
  names: string[];
  gb2312Level2: string[];
  gbkRest: string[];
}

/** Needs a TextDecoder that knows `gbk` (Node with full ICU, every browser). */
export function charTiers(): CharTiers {
  const decoder = new TextDecoder('gbk', { fatal: false });
  const gb2312Level1 = decodeRows(decoder, 0xb0, 0xd7, 0xa1, 0xfe);
  const gb2312Level2 = decodeRows(decoder, 0xd8, 0xf7, 0xa1, 0xfe);
  const gb2312 = new Set([...gb2312Level1, ...gb2312Level2]);
  const gbkRest = [
    ...decodeRows(decoder, 0x81, 0xa0, 0x40, 0xfe),
    ...decodeRows(decoder, 0xaa, 0xfe, 0x40, 0xa0),
  ].filter((c) => !gb2312.has(c));
  return {
    frequent: Array.from(FREQUENT).filter(isHan),
    gb2312Level1,
    names: Array.from(NAME_EXTRAS).filter(isHan),
    gb2312Level2,
    gbkRest,
  };
}

/** Every character once, in ranking order. */
export function rankedCharacters(tiers: CharTiers = charTiers()): string[] {
  const seen = new Set<string>();
  const out: string[] = [];
  for (const c of [...tiers.frequent, ...tiers.gb2312Level1, ...tiers.names, ...tiers.gb2312Level2, ...tiers.gbkRest]) {
    if (seen.has(c)) continue;
    seen.add(c);
    out.push(c);
  }
  return out;
}
