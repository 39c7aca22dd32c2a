#!/usr/bin/env python3
"""Golden generator: renders every case of cases.txt with real Helm v4 and stores output or error.

Each case becomes templates/cNNNN.yaml in a throw-away chart:
    {{- define "cNNNN" }}CASE{{ end -}}
    v: {{ include "cNNNN" . | b64enc | quote }}
so the raw text/template output (before Helm's "<no value>" clean-up) is captured exactly.
Helm stops at the first failing template; that case is recorded as an error and removed, and the
rest is rendered again.

Usage: python3 generate.py [--only-new] [helm-binary]   (default ~/.cache/charter-test/helm-4.1.4/helm)
Writes ../resources/dev/charter/sprig/golden.json
--only-new keeps every recorded case whose id and template are unchanged and renders only the rest
(append new cases at the end of cases.txt so that existing ids stay put).
"""
import base64, json, os, re, subprocess, sys, tempfile

here = os.path.dirname(os.path.abspath(__file__))
args = sys.argv[1:]
only_new = '--only-new' in args
args = [a for a in args if a != '--only-new']
helm = args[0] if args else os.path.expanduser('~/.cache/charter-test/helm-4.1.4/helm')
dest = os.path.join(here, '..', 'resources', 'dev', 'charter', 'sprig', 'golden.json')
cases = []
for line in open(os.path.join(here, 'cases.txt'), encoding='utf-8'):
    line = line.rstrip('\n')
    if not line.strip() or line.startswith('#'):
        continue
    cases.append(line.replace('\\n', '\n'))

work = tempfile.mkdtemp(prefix='sprig-golden-')
home = tempfile.mkdtemp(prefix='sprig-golden-home-')
chart = os.path.join(work, 'x')
os.makedirs(os.path.join(chart, 'templates'))
open(os.path.join(chart, 'Chart.yaml'), 'w').write('apiVersion: v2\nname: x\nversion: 0.1.0\n')
env = dict(os.environ, HOME=home, TZ='UTC', HELM_CONFIG_HOME=home + '/c', HELM_CACHE_HOME=home + '/k',
           HELM_DATA_HOME=home + '/d')
results = {}
if only_new:
    for g in json.load(open(dest, encoding='utf-8')):
        i = int(g['id'][1:])
        if i < len(cases) and cases[i] == g['tmpl']:
            results[g['id']] = {k: v for k, v in g.items() if k not in ('id', 'tmpl')}
pending = {}
for i, c in enumerate(cases):
    cid = 'c%04d' % i
    if cid in results:
        continue
    pending[cid] = c
    with open(os.path.join(chart, 'templates', cid + '.yaml'), 'w', encoding='utf-8') as f:
        f.write('{{- define "%s" }}%s{{ end -}}\nv: {{ include "%s" . | b64enc | quote }}\n' % (cid, c, cid))

while pending:
    p = subprocess.run([helm, 'template', 'x', chart], capture_output=True, env=env, cwd=work)
    if p.returncode == 0:
        out = p.stdout.decode('utf-8', 'replace')
        for m in re.finditer(r'# Source: x/templates/(c\d+)\.yaml\nv: "([^"]*)"', out):
            cid = m.group(1)
            results[cid] = {'out': base64.b64decode(m.group(2)).decode('utf-8', 'replace')}
            pending.pop(cid, None)
        for cid in list(pending):
            results[cid] = {'err': 'missing from output', 'kind': 'other'}
            pending.pop(cid)
        break
    err = p.stderr.decode('utf-8', 'replace').replace('Use --debug flag to render out invalid YAML', '').strip()
    m = re.search(r'x/templates/(c\d+)\.yaml', err)
    if not m:
        print('cannot attribute error:', err, file=sys.stderr)
        sys.exit(1)
    cid = m.group(1)
    full = err[len('Error: '):] if err.startswith('Error: ') else err
    key = 'executing "%s" at <' % cid
    k = full.find(key)
    if k >= 0:
        tail = full[k + len(key):]
        # the node text is followed by ">: "; cases never contain ">: " themselves
        tail = tail[tail.find('>: ') + 3:]
        results[cid] = {'err': tail, 'kind': 'exec'}
    else:
        results[cid] = {'err': full, 'kind': 'parse'}
    pending.pop(cid)
    os.remove(os.path.join(chart, 'templates', cid + '.yaml'))

golden = []
for i, c in enumerate(cases):
    cid = 'c%04d' % i
    r = results[cid]
    r = dict(id=cid, tmpl=c, **r)
    golden.append(r)
with open(dest, 'w', encoding='utf-8') as f:
    json.dump(golden, f, indent=1, ensure_ascii=False)
    f.write('\n')
print('%d cases, %d errors -> %s' % (len(golden), sum(1 for g in golden if 'err' in g), dest))
