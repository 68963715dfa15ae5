/**
 * The page a certificate's QR code opens on the sandbox back-end
 * (`GET /verify/<code>`): whether the certificate is genuine, for an
 * employer holding the paper, read on a phone. The holder appears only
 * masked (`陈**`, `4104**********1230`). The same facts as JSON for
 * `Accept: application/json`.
 */
import type { CertificateCheck } from './sandbox-certificates';

/** Certificate types in words; any other type is shown as it is named. */
const TYPE_NAMES: Readonly<Record<string, { zh: string; en: string }>> = {
  noCriminalRecord: { zh: '无犯罪记录证明', en: 'Certificate of no criminal record' },
  nonIssuanceNotice: { zh: '不予出具无犯罪记录证明告知书', en: 'Notice of non-issuance' },
  safeDriving: { zh: '驾驶人安全驾驶证明', en: 'Safe-driving certificate' },
};

function typeName(type: string): { zh: string; en: string } {
  return Object.hasOwn(TYPE_NAMES, type) ? TYPE_NAMES[type]! : { zh: type, en: type };
}

/** The JSON answer: `found` and `valid` false (and nothing else) for an unknown code; `valid` needs the seal to verify. */
export function verifyJson(check: CertificateCheck | undefined): Record<string, unknown> {
  if (!check) return { found: false, valid: false };
  const name = typeName(check.type);
  return {
    found: true,
    valid: check.sealVerified,
    type: check.type,
    typeName: name.zh,
    typeNameEn: name.en,
    number: check.number,
    issueDate: check.issueDate,
    issuingOffice: check.issuingOffice,
    holderName: check.holderNameMasked,
    holderIdNumber: check.holderIdNumberMasked,
    keyId: check.keyId,
    sealVerified: check.sealVerified,
  };
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (ch) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[ch] ?? ch);

const STYLE = `body{font-family:"Noto Sans SC","PingFang SC","Microsoft YaHei",sans-serif;font-size:20px;line-height:1.5;margin:0;padding:1em;color:#1a1a1a;background:#f7f7f7}
main{max-width:36em;margin:0 auto;background:#fff;padding:1em 1.2em;border-radius:12px}
h1{font-size:1.6em;margin:.2em 0 .6em}.valid{color:#0a6b2e}.invalid{color:#a11}
dl{margin:0}dt{color:#555;font-size:.85em;margin-top:.7em}dd{margin:0;font-size:1.1em;word-break:break-all}
.en{color:#555;font-size:.8em}footer{margin-top:1.5em;font-size:.75em;color:#666}`;

function page(title: string, body: string): string {
  return `<!doctype html>
<html lang="zh-CN">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="robots" content="noindex">
<title>${escapeHtml(title)}</title>
<style>${STYLE}</style>
</head>
<body><main>
${body}
<footer>测试后台（沙盒）核验页面，不具法律效力 · Sandbox back-end verification page, not legally valid</footer>
</main></body>
</html>
`;
}

/** The HTML page: 有效 with the certificate's facts (无效 when its seal does not verify), or 未找到. */
export function verifyHtml(check: CertificateCheck | undefined): string {
  if (!check) {
    return page(
      '未找到 · Not found',
      `<h1 class="invalid">未找到 <span class="en">Not found</span></h1>
<p>没有此核验码的证明。请核对证明上的核验码，或向出具单位核实。</p>
<p class="en">No certificate has this verification code. Check the code on the certificate or ask the issuing office.</p>`,
    );
  }
  const name = typeName(check.type);
  const row = (zh: string, en: string, value: string) => `<dt>${zh} <span class="en">${en}</span></dt><dd>${escapeHtml(value)}</dd>`;
  const seal = check.sealVerified ? '电子印章验证通过 · Seal signature verified' : '电子印章验证未通过 · Seal signature does NOT verify';
  const heading = check.sealVerified ? '<h1 class="valid">有效 <span class="en">Valid</span></h1>' : '<h1 class="invalid">无效 <span class="en">Invalid</span></h1>';
  return page(
    `${check.sealVerified ? '有效 · Valid' : '无效 · Invalid'}: ${name.zh}`,
    `${heading}
<dl>
${row('证明类型', 'Type', `${name.zh} · ${name.en}`)}
${row('编号', 'Number', check.number)}
${row('出具日期', 'Issue date', check.issueDate)}
${row('持有人', 'Holder', check.holderNameMasked)}
${row('证件号码', 'ID number', check.holderIdNumberMasked)}
${row('出具单位', 'Issuing office', check.issuingOffice)}
<dt>电子印章 <span class="en">Electronic seal</span></dt><dd class="${check.sealVerified ? 'valid' : 'invalid'}">${seal}</dd>
${row('印章密钥', 'Seal key', check.keyId)}
</dl>`,
  );
}
