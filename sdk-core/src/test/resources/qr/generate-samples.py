# Generates the golden QR samples in this directory: python3 generate-samples.py .
# Every person, ID, card number and address here is invented; IDs follow the PPP G YY RRRRRR structure.
import unicodedata, os, sys
out = sys.argv[1]
os.makedirs(out, exist_ok=True)
def nfc(s): return unicodedata.normalize('NFC', s)
def nfd(s): return unicodedata.normalize('NFD', s)
def cp1252(s): return s.encode('utf-8').decode('cp1252')
def hx(s): return s.encode('utf-8').hex()

samples = {}
def add(name, qr, exp, raw=None):
    samples[name] = (qr if raw is None else raw, exp)

# Synthetic people only: invented names, IDs built to the PPP G YY RRRRRR structure.
P1 = dict(id='079090001234', old='025123456', name='Nguyễn Văn Thử', dob='15031990', sex='Nam',
          addr='Số 12 Đường Mẫu, Phường Bến Nghé, Quận 1, Thành phố Hồ Chí Minh', issue='10072021')
P2 = dict(id='052185004321', name='Đặng Thị Thu Hà', dob='02111985', sex='Nữ',
          addr='Thôn Thử Nghiệm, Xã Phước Mẫu, Huyện Tuy Phước, Tỉnh Bình Định', issue='20042022')
P3 = dict(id='001205009876', old='', name='Lê Minh Khôi', dob='07092005', sex='Nam',
          addr='Phường Thử, Quận Ba Đình, Thành phố Hà Nội', issue='01062024')

def iso(d):
    d = d.replace('/', '').replace('-', '')
    return f'{d[4:8]}-{d[2:4]}-{d[0:2]}'

def cccd7(p, **o):
    q = dict(p, **o)
    return '|'.join([q['id'], q.get('old', ''), q['name'], q['dob'], q['sex'], q['addr'], q['issue']])

def exp_for(p, kind, **extra):
    e = {'kind': kind, 'citizenId': p['id'], 'fullName': nfc(p['name']), 'dateOfBirth': iso(p['dob']),
         'sex': 'MALE' if p['sex'] == 'Nam' else 'FEMALE', 'address': nfc(p['addr']), 'issueDate': iso(p['issue'])}
    if p.get('old'):
        e['legacyId'] = p['old']
    e.update(extra)
    return e

add('cccd2021-clean', cccd7(P1), exp_for(P1, 'CCCD_2021'))
add('cccd2021-empty-old-id', cccd7(P2), exp_for(P2, 'CCCD_2021'))
add('cccd2021-slash-dates', cccd7(P1, dob='15/03/1990', issue='10/07/2021'), exp_for(P1, 'CCCD_2021'))
add('cccd2021-dash-dates', cccd7(P2, dob='02-11-1985', issue='20-04-2022'), exp_for(P2, 'CCCD_2021'))
add('cccd2021-bom-crlf', '\ufeff  ' + cccd7(P1) + '\r\n', exp_for(P1, 'CCCD_2021'))
add('cccd2021-expiry', cccd7(P1) + '|15032030', exp_for(P1, 'CCCD_2021', expiryDate='2030-03-15'))
add('cccd2021-no-expiry', cccd7(P1) + '|Không thời hạn', exp_for(P1, 'CCCD_2021'))
lab = '|'.join(['CCCD:' + P1['id'], 'CMND:' + P1['old'], 'Họ và tên: ' + P1['name'], 'Ngày sinh:' + P1['dob'],
                'Giới tính:' + P1['sex'], 'Địa chỉ:' + P1['addr'], 'Ngày cấp:' + P1['issue']])
add('cccd2021-labels', lab, exp_for(P1, 'CCCD_2021'))
short = '|'.join([P2['id'], P2['name'], P2['dob'], P2['sex'], P2['addr'], P2['issue']])
add('cccd2021-short', short, exp_for(P2, 'CCCD_2021_SHORT'))
add('cccd2021-cp1252-name', cccd7(P1, name=cp1252(P1['name'])),
    exp_for(P1, 'CCCD_2021', repairs='fullName:UTF8_READ_AS_CP1252'))
add('cccd2021-nfd', nfd(cccd7(P2)),
    exp_for(P2, 'CCCD_2021', repairs='fullName:NFD_TO_NFC,sex:NFD_TO_NFC,address:NFD_TO_NFC'))
add('cccd2021-eth', cccd7(P2, name=P2['name'].replace('Đ', 'Ð')),
    exp_for(P2, 'CCCD_2021', repairs='fullName:ETH_AS_D_STROKE'))
add('cccd2021-sex-mismatch', cccd7(P2, sex='Nam'),
    dict(exp_for(P2, 'CCCD_2021', inconsistencies='sex:SEX_MISMATCH'), sex='MALE'))
add('cccd2021-year-mismatch', cccd7(P1, dob='15031991'),
    dict(exp_for(P1, 'CCCD_2021', inconsistencies='dateOfBirth:BIRTH_YEAR_MISMATCH'), dateOfBirth='1991-03-15'))
cc = cccd7(P3) + '|' + '|'.join(['001205001111', 'Lê Văn Bố', 'Phạm Thị Mẹ'])
add('cancuoc2024', cc, exp_for(P3, 'CAN_CUOC_2024', extraFields='001205001111|Lê Văn Bố|Phạm Thị Mẹ'))

B1 = dict(card='GD4797931234567', name='Phạm Thị Thử', dob='12/12/1978', sex='2',
          addr='Phường Mẫu, Thành phố Quy Nhơn, Tỉnh Bình Định', fac='52 - 012', frm='01/01/2024', to='31/12/2024')
def bhyt(b, name=None, tail=('15/12/2023', '5212345678', hx('Bảo hiểm xã hội tỉnh Bình Định'), '4')):
    nm = hx(b['name']) if name is None else name
    return '|'.join([b['card'], nm, b['dob'], b['sex'], hx(b['addr']), b['fac'], b['frm'], b['to'], *tail, '$'])
def bexp(b, **extra):
    e = {'kind': 'BHYT', 'cardNumber': b['card'].replace(' ', ''), 'socialInsuranceNumber': b['card'].replace(' ', '')[-10:],
         'fullName': b['name'], 'dateOfBirth': iso(b['dob']) if '/' in b['dob'] else b['dob'],
         'sex': 'MALE' if b['sex'] == '1' else 'FEMALE', 'address': b['addr'],
         'facilityCode': b['fac'].replace(' - ', ''), 'validFrom': iso(b['frm'])}
    if b['to'] != '-':
        e['validTo'] = iso(b['to'])
    e.update(extra)
    return e
add('bhyt-old-card', bhyt(B1), bexp(B1, extraFields='15/12/2023|5212345678|' + hx('Bảo hiểm xã hội tỉnh Bình Định') + '|4'))
B2 = dict(card='7912345678', name='Võ Văn Mẫu', dob='1960', sex='1',
          addr='Xã Thử, Huyện Mẫu, Tỉnh Long An', fac='80 - 101', frm='01/07/2025', to='-')
add('bhyt-new-card-year-only', bhyt(B2, tail=()), bexp(B2))
add('bhyt-cp1252-in-hex', bhyt(B1, name=hx(cp1252(B1['name'])), tail=()),
    bexp(B1, repairs='fullName:UTF8_READ_AS_CP1252'))

errs = {
    'err-empty': ('', 'qr:EMPTY'),
    'err-blank': ('  \r\n', 'qr:EMPTY'),
    'err-too-few-fields': ('079090001234|Nguyễn Văn Thử|15031990|Nam', 'qr:WRONG_FIELD_COUNT'),
    'err-not-a-card': ('hello|world|this|is|not|a|card', 'qr:UNRECOGNISED_FORMAT'),
    'err-impossible-dob': (cccd7(P1, dob='31021990'), 'dateOfBirth:IMPOSSIBLE_DATE'),
    'err-future-dob': (cccd7(P1, dob='15032090'), 'dateOfBirth:FUTURE_DATE'),
    'err-short-id': (cccd7(P1, id='07909000123'), 'citizenId:WRONG_LENGTH'),
    'err-bad-sex': (cccd7(P1, sex='Nxm'), 'sex:UNKNOWN_VALUE'),
    'err-bhyt-bad-card': (bhyt(dict(B1, card='GD47979312345'), tail=()), 'cardNumber:WRONG_LENGTH'),
    'err-bhyt-too-few': ('GD4797931234567|' + hx('Phạm Thị Thử') + '|12/12/1978|2|$', 'qr:WRONG_FIELD_COUNT'),
    'err-binary': ('079090001234|\x00\x01\x02|x|y|z|w|v', 'qr:BINARY_DATA'),
}
for k, (qr, err) in errs.items():
    add(k, qr, {'error': err})


# Damaged forms made with the text module's test damage functions (vn.id06.core.internal.text.Damage).
double_cp1252 = 'Nguy\u00c3\u00a1\u00c2\u00bb\u00e2\u20ac\u00a6n V\u00c3\u201e\u00c6\u2019n Th\u00c3\u00a1\u00c2\u00bb\u00c2\u00ad'
latin1 = 'Nguy\u00e1\u00bb\u0085n V\u00c4\u0083n Th\u00e1\u00bb\u00ad'
tcvn3_name = '\u00a7\u00c6ng Th\u00de Thu H\u00b5'
tcvn3_addr = 'Th\u00abn Th\u00f6 Nghi\u00d6m, X\u00b7 Ph\u00ad\u00edc M\u00c9u, Huy\u00d6n Tuy Ph\u00ad\u00edc, T\u00d8nh B\u00d7nh \u00a7\u00denh'
vni = '\u00d1a\u00ebng Th\u00f2 Thu Ha\u00f8'
viscii = 'Nguy\u00adn V\u00e5n Th\u00d8'

add('cccd2021-double-cp1252-name', cccd7(P1, name=double_cp1252),
    exp_for(P1, 'CCCD_2021', repairs='fullName:UTF8_READ_AS_CP1252,fullName:UTF8_READ_AS_CP1252'))
add('cccd2021-latin1-name', cccd7(P1, name=latin1), exp_for(P1, 'CCCD_2021', repairs='fullName:UTF8_READ_AS_LATIN1'))
add('cccd2021-viscii-name', cccd7(P1, name=viscii), exp_for(P1, 'CCCD_2021', repairs='fullName:VISCII'))
add('cccd2021-tcvn3-name-address', cccd7(P2, name=tcvn3_name, addr=tcvn3_addr),
    exp_for(P2, 'CCCD_2021', repairs='fullName:TCVN3,address:TCVN3'))
add('cccd2021-vni-name', cccd7(P2, name=vni), exp_for(P2, 'CCCD_2021', repairs='fullName:VNI'))
AZERTY = dict(zip('1234567890', '&\u00e9"\'(-\u00e8_\u00e7\u00e0'))
add('cccd2021-azerty-id', cccd7(P1, id=''.join(AZERTY[c] for c in P1['id'])),
    exp_for(P1, 'CCCD_2021', repairs='citizenId:KEYBOARD_LAYOUT_IN_DIGITS'))
add('bhyt-telex-in-hex', bhyt(B1, name=hx(B1['name']).replace('aa', '\u00e2'), tail=()),
    bexp(B1, repairs='fullName:TELEX_IN_HEX'))
add('err-mixed-mojibake', cccd7(P1, name='Nguy\u00e1\u00bb\u2026n V\u0103n Th\u1eed'), {'error': 'fullName:UNREPAIRABLE_TEXT'})

TONES = {'\u0300', '\u0301', '\u0303', '\u0309', '\u0323'}
def cp1258_bytes(s):
    out = []
    for ch in nfc(s):
        d = nfd(ch)
        tone = [c for c in d if c in TONES]
        base = nfc(''.join(c for c in d if c not in TONES))
        out.append(base + ''.join(tone))
    return ''.join(out).encode('cp1258')
add('cccd2021-cp1258-bytes', None, exp_for(P1, 'CCCD_2021', repairs='fullName:CP1258,address:CP1258'), raw=cp1258_bytes(cccd7(P1)))

for name, (qr, exp) in samples.items():
    with open(os.path.join(out, name + '.qr'), 'wb') as fh:
        fh.write(qr if isinstance(qr, bytes) else qr.encode('utf-8'))
    with open(os.path.join(out, name + '.expected'), 'w', encoding='utf-8') as fh:
        fh.write('# expected parse result, field by field; a field not listed must be absent\n')
        for k in sorted(exp):
            fh.write(f'{k}={exp[k]}\n')
print(len(samples))
