// The page at GET / that lets a career site try the API: pick a resume, a target role and optionally
// paste a posting, and the HTML report appears in a sandboxed frame. No external asset and no inline
// script (the CSP allows scripts from 'self' only), so the script is served beside it at /try-it.js.
// Nothing is stored: the API key, when the server asks for one, lives in the input field only.

export interface TryItRole {
  id: string;
  title: string;
}

export interface TryItOptions {
  roles: TryItRole[];
  defaultRole: string;
  /** The server has API keys: the page asks for one. */
  needsKey: boolean;
  maxFileMb: number;
}

const STYLE = `
*{box-sizing:border-box}
body{margin:0;font:15px/1.45 system-ui,-apple-system,"Segoe UI",Roboto,Arial,sans-serif;color:#1a1a1a;background:#f6f6f6}
main{max-width:64rem;margin:0 auto;padding:1.5rem}
h1{font-size:1.5rem;margin:0 0 .3rem}
form{background:#fff;border:1px solid #c8c8c8;padding:1rem;display:grid;gap:.8rem}
label{font-weight:600;display:block;margin-bottom:.2rem}
input,select,textarea,button{font:inherit}
input[type=text],input[type=password],select,textarea{width:100%;padding:.35rem;border:1px solid #767676;background:#fff;color:#1a1a1a}
textarea{min-height:6rem}
button{justify-self:start;padding:.45rem 1.2rem;background:#1f3a5f;color:#fff;border:0;cursor:pointer}
button:disabled{background:#595959}
.hint{color:#3d3d3d;font-size:.9rem;margin:.2rem 0 0}
#status{min-height:1.5rem;margin:.8rem 0}
#status.error{color:#8a1414;font-weight:600}
iframe{width:100%;height:80vh;border:1px solid #c8c8c8;background:#fff}
`;

function escapeAttr(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export function renderTryItPage(options: TryItOptions): string {
  const roles = options.roles
    .map(
      (r) =>
        `<option value="${escapeAttr(r.id)}"${r.id === options.defaultRole ? ' selected' : ''}>${escapeAttr(r.title)}</option>`,
    )
    .join('');
  const key = options.needsKey
    ? '<div><label for="api-key">API key</label><input type="password" id="api-key" name="apiKey" autocomplete="off" required>' +
      '<p class="hint">Sent with each request and kept only in this page; closing the tab forgets it.</p></div>'
    : '';
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Try SkillBridge</title><link rel="icon" href="data:,"><style>${STYLE}</style><script src="/try-it.js" defer></script></head>
<body><main>
<h1>Try SkillBridge</h1>
<p>Upload a resume to see which project-management competencies its customer-service work already proves, what is missing for a target role, and project-framed rewrites of its bullets. Nothing is stored. The same report comes from <code>POST /v1/analyses?format=html</code>; the API is documented at <a href="/docs">/docs</a>.</p>
<form id="try-form">
${key}
<div><label for="resume">Resume (PDF, DOCX or plain text, at most ${options.maxFileMb} MB)</label><input type="file" id="resume" name="resume" accept=".pdf,.docx,.txt,application/pdf,application/vnd.openxmlformats-officedocument.wordprocessingml.document,text/plain" required></div>
<div><label for="target-role">Target role</label><select id="target-role" name="targetRole">${roles}</select></div>
<div><label for="job-description">Job posting (optional)</label><textarea id="job-description" name="jobDescription" placeholder="Paste the posting's text"></textarea></div>
<button type="submit" id="submit">Analyse</button>
</form>
<div id="status" role="status" aria-live="polite"></div>
<iframe id="report" title="Report" sandbox hidden></iframe>
</main></body></html>
`;
}

/** The page's script: one POST per submit, the HTML answer shown in a frame that may run nothing. */
export const TRY_IT_SCRIPT = `'use strict';
document.addEventListener('DOMContentLoaded', () => {
  const form = document.getElementById('try-form');
  const status = document.getElementById('status');
  const frame = document.getElementById('report');
  const button = document.getElementById('submit');
  form.addEventListener('submit', async (event) => {
    event.preventDefault();
    const data = new FormData();
    const file = form.elements.resume.files[0];
    if (!file) return;
    data.append('targetRole', form.elements.targetRole.value);
    const posting = form.elements.jobDescription.value;
    if (posting.trim() !== '') data.append('jobDescription', posting);
    data.append('resume', file, file.name);
    const headers = { accept: 'text/html' };
    if (form.elements.apiKey) headers['x-api-key'] = form.elements.apiKey.value;
    status.className = '';
    status.textContent = 'Analysing…';
    button.disabled = true;
    try {
      const res = await fetch('/v1/analyses?format=html', { method: 'POST', body: data, headers });
      if (!res.ok) {
        let message = 'HTTP ' + res.status;
        try {
          const body = await res.json();
          message = body.code + ': ' + body.message;
        } catch (e) {
          // not JSON: keep the status line
        }
        status.className = 'error';
        status.textContent = message;
        frame.hidden = true;
        return;
      }
      frame.srcdoc = await res.text();
      frame.hidden = false;
      status.textContent = 'Report ready.';
    } catch (e) {
      status.className = 'error';
      status.textContent = 'The request failed: ' + e.message;
    } finally {
      button.disabled = false;
    }
  });
});
`;
