"""Relabel the case corpus for ACTIONABLE_FINDING (ACR category 3) beside CRITICAL_RESULT (1-2).

Mechanical and idempotent, from each case's own labels (never from an engine run): in dev/ and
holdout/, a case expecting CRITICAL_RESULT whose expected category is Lung-RADS 4A/4B/4X, BI-RADS
4*/5, LR-5 or PI-RADS 5, or whose dictation holds a non-negated category-3 term of critical.json,
expects ACTIONABLE_FINDING instead (and keeps CRITICAL_RESULT only if a category 1-2 term is in it);
in holdout-2, ACTIONABLE_FINDING is added where the expected category is one of those or the rule
says "Larson Cat 3". Prints the counts; writes only with --apply. For branches merged later that
add cases expecting CRITICAL_RESULT for a category-3 reason (docs/drafting.md, corpus conventions).
Usage: python3 bundles/drafting/eval/relabel-actionable.py [--apply]
"""
import json,glob,os,re,sys,collections
HERE=os.path.dirname(os.path.abspath(__file__))
ROOT=os.path.join(HERE,'cases')
crit=json.load(open(os.path.join(HERE,'..','src','main','resources','org','radassist','drafting','internal','engine','critical.json')))
t12=[t['term'] for t in crit['terms'] if t['category']<3]
t3=[t['term'] for t in crit['terms'] if t['category']==3]
def norm(t): return t.lower().replace('haemorrh','hemorrh').replace('haemat','hemat')
def labels3(e):
    return (e.get('Lung-RADS') in ('4A','4B','4X') or str(e.get('BI-RADS','')) in ('4','4A','4B','4C','5')
            or e.get('LI-RADS')=='LR-5' or str(e.get('PI-RADS',''))=='5')
NEG=re.compile(r'\b(no|without|negative for)\b[^.]*$')
def terms3(text):
    t=norm(text); out=[]
    for x in t3:
        for m in re.finditer(r'\b'+x+r'\b',t):
            pre=t[max(0,t.rfind('.',0,m.start())+1):m.start()]
            if not NEG.search(pre): out.append(x)
    return out
def terms12(text):
    t=norm(text); return [x for x in t12 if re.search(r'\b'+x+r'\b',t)]
EXTRA={'fx2-fni-mass','r13-lat-hilar-mass'}  # lung masses the rule text calls actionable
def setflags(line, flags):
    arr=json.dumps(flags)
    am=re.search(r'"absent"\s*:\s*\{[^{}]*\}',line)
    for m in re.finditer(r'"flags"\s*:\s*\[[^\]]*\]',line):
        if am and am.start()<=m.start()<am.end(): continue
        return line[:m.start()]+'"flags": '+arr+line[m.end():]
    # no top-level flags key: insert before "absent" or before the final brace
    if am: return line[:am.start()]+'"flags": '+arr+', '+line[am.start():]
    i=line.rstrip().rfind('}'); return line[:i]+', "flags": '+arr+line[i:]
apply='--apply' in sys.argv
counts=collections.Counter(); review=[]
for split in ['dev','holdout','holdout-2']:
  for f in sorted(glob.glob(f'{ROOT}/{split}/*.jsonl')):
    lines=open(f).read().split('\n'); changed=False
    for i,ln in enumerate(lines):
      s=ln.strip()
      if not s or s.startswith('//'): continue
      d=json.loads(s); fl=list(d.get('flags',[])); e=d.get('expect',{})
      absent=d.get('absent',{}).get('flags',[])
      if 'ACTIONABLE_FINDING' in fl: continue
      rule=d.get('rule','')
      why=None
      if split!='holdout-2':
        if 'CRITICAL_RESULT' in fl and (labels3(e) or terms3(d['dictation']) or d['id'] in EXTRA):
          why='label' if labels3(e) else ('term' if terms3(d['dictation']) else 'rule')
          if not terms12(d['dictation']): fl.remove('CRITICAL_RESULT'); counts[split+' CRITICAL->ACTIONABLE']+=1
          else: counts[split+' +ACTIONABLE (keeps CRITICAL)']+=1
          fl.append('ACTIONABLE_FINDING')
        elif labels3(e) and 'ACTIONABLE_FINDING' not in absent:
          why='label-only'; fl.append('ACTIONABLE_FINDING'); counts[split+' +ACTIONABLE (label, no flag before)']+=1
      else:
        if labels3(e) or re.search(r'Larson Cat(egory)? 3',rule):
          why='h2'; fl.append('ACTIONABLE_FINDING'); counts[split+' +ACTIONABLE']+=1
      if why:
        review.append((split,d['id'],why,e,terms3(d['dictation']),rule[:110]))
        lines[i]=setflags(ln,fl); changed=True
        assert json.loads(lines[i].strip())['flags']==fl, d['id']
    if changed and apply: open(f,'w').write('\n'.join(lines))
for r in review:
    if r[2]!='label' : print(*r)
print(counts)
