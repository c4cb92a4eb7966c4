#!/usr/bin/env python3
"""statuses.py - compare the statuses each public function documents with those its code can
reach, to keep the "Statuses:" lists of include/mvec/*.h true after a change.

Reachable statuses are an over-approximation: a regex call graph over src/lib in which a
function reaching another (by a call, or by naming it, as callbacks and tables of functions
are) inherits the MVEC_ERR_* names written in its body. Statuses a caller swallows or converts
(mvec__embedded_defect turns PARSE and SCHEMA from built-in data into INTERNAL) still show, so
read the output, do not obey it. Usage: tools/statuses.py [--all]
"""
import glob
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))


def strip(text):
    text = re.sub(r'/\*.*?\*/', lambda m: re.sub(r'[^\n]', ' ', m.group(0)), text, flags=re.S)
    text = re.sub(r'//[^\n]*', '', text)
    return re.sub(r'"(\\.|[^"\\\n])*"', '""', text)


def bodies():
    """name -> text of every function body and of every top-level initialiser."""
    out = {}
    files = glob.glob(os.path.join(ROOT, 'src/lib/*/*.[ch]')) + \
        glob.glob(os.path.join(ROOT, 'src/lib/*.h'))
    for path in sorted(files):
        text = strip(open(path, encoding='utf-8').read())
        depth, i, start = 0, 0, 0
        while i < len(text):
            c = text[i]
            if c == '{':
                if depth == 0:
                    head = text[start:i]
                    m = re.search(r'\b([A-Za-z_]\w*)\s*\([^;{}]*\)\s*(MVEC_PRINTF\([^)]*\)\s*)?$',
                                  head) or re.search(r'\b([A-Za-z_]\w*)\s*(\[[^\]]*\])*\s*=\s*$',
                                                     head)
                    name = m.group(1) if m else None
                    body_start = i
                depth += 1
            elif c == '}':
                depth -= 1
                if depth == 0:
                    if name and name not in ('if', 'while', 'for', 'switch', 'enum', 'struct'):
                        out[name] = out.get(name, '') + text[body_start:i + 1]
                    start = i + 1
            elif c == ';' and depth == 0:
                start = i + 1
            i += 1
    return out


def documented():
    """public function -> (set of statuses, text) from its "Statuses:" comment."""
    docs, refs = {}, {}
    for path in sorted(glob.glob(os.path.join(ROOT, 'include/mvec/*.h'))):
        comment = ''
        for line in open(path, encoding='utf-8'):
            if line.startswith('/*'):
                comment = ''
            if line.startswith('/*') or line.startswith(' *'):
                comment += line
                continue
            m = re.match(r'MVEC_API\s+mvec_status\s+(\w+)', line)
            if m:
                tail = comment[comment.find('Statuses'):] if 'Statuses' in comment else ''
                tail = re.sub(r'\s*\n\s*\*?\s*', ' ', tail)
                docs[m.group(1)] = set(re.findall(r'MVEC_ERR_[A-Z_]+', tail))
                # "Statuses: as mvec_x" or "...; and as mvec_x": all of mvec_x's statuses
                ref = re.search(r'(?:Statuses: |and )as (mvec_\w+)', tail)
                refs[m.group(1)] = ref.group(1) if ref else None
            elif not line.strip():
                comment = ''
    for name, ref in refs.items():
        if ref in docs:
            docs[name] |= docs[ref]
            if 'without MVEC_ERR_IO' in open_text(name):
                docs[name].discard('MVEC_ERR_IO')
    return docs


def open_text(name):
    for path in glob.glob(os.path.join(ROOT, 'include/mvec/*.h')):
        text = open(path, encoding='utf-8').read()
        i = text.find('mvec_status ' + name + '(')
        if i >= 0:
            return text[max(0, text.rfind('/*', 0, i)):i]
    return ''


def main():
    code = bodies()
    direct = {n: set(re.findall(r'\bMVEC_ERR_[A-Z_]+', b)) for n, b in code.items()}
    edges = {n: {w for w in re.findall(r'\b[A-Za-z_]\w*\b', b) if w in code and w != n}
             for n, b in code.items()}
    docs = documented()
    for name in sorted(docs):
        seen, stack, reach = {name}, [name], set()
        while stack:
            f = stack.pop()
            reach |= direct.get(f, set())
            for g in edges.get(f, ()):
                if g not in seen:
                    seen.add(g)
                    stack.append(g)
        extra = sorted(s[9:] for s in reach - docs[name])
        unreached = sorted(s[9:] for s in docs[name] - reach)
        if extra or unreached or '--all' in sys.argv:
            print(f'{name}:')
            print('  documented:', ' '.join(sorted(s[9:] for s in docs[name])) or '-')
            if extra:
                print('  reachable, not documented:', ' '.join(extra))
            if unreached:
                print('  documented, not reached:', ' '.join(unreached))


main()
