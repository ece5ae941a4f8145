import re,collections,sys
c=collections.Counter(); gen=0
for l in open(sys.argv[1]):
    m=re.search(r'\] (\S+) source: (.*)',l)
    if not m: continue
    n=m.group(1); p=n.split('.')
    if '$$Lambda' in n or 'LambdaForm$' in n or '$$' in n: gen+=1
    if n.startswith('software.amazon.awssdk.services.s3.model'): k='AWS SDK s3 model'
    elif n.startswith('software.amazon.awssdk'): k='AWS SDK'
    elif n.startswith('jdk.internal.net.http') or n.startswith('java.net.http'): k='JDK java.net.http'
    elif p[0] in ('java','javax','jdk','sun','com') and not n.startswith('com.fasterxml'): k='JDK other'
    elif n.startswith('org.apache') : k='Apache HttpClient'
    else: k='other'
    c[k]+=1
print(sys.argv[1], dict(c.most_common()), 'total', sum(c.values()), 'generated', gen)
