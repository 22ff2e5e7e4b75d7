// A deterministic corpus of clinic-like Japanese pages (menus, prices, FAQ,
// disclaimers, access, news) written from our own templates. Most sentences
// are ordinary prose; a few make claims, as on real sites.
import { seededRandom } from '../test/support/seeded-random.ts';

export interface CorpusPage {
  source: string;
  text: string;
}

const CLINICS = ['さくら通り', 'みなと坂', '青葉台', '白樺', 'ひだまり', '北山', '若草', 'つばさ', '森の丘', '川辺'];
const KINDS = ['クリニック', '皮膚科クリニック', '美容クリニック', '内科・皮フ科', 'メディカルクリニック'];
const AREAS = ['駅前', '本町', '中央通り', '西口', '南町三丁目', '東通り'];
const EV_NAMES = ['エクソソーム点滴', 'ｴｸｿｿｰﾑ導入', 'エキソソーム療法', 'EXOSOME点滴', '幹細胞培養上清液点滴', 'エクソソーム注射'];
const OTHER = ['ピコレーザー', 'ダーマペン', 'ヒアルロン酸注入', '医療脱毛', 'ビタミン点滴', 'ケミカルピーリング'];
const DAYS = ['月曜', '火曜', '水曜', '木曜', '金曜', '土曜', '日曜'];

const ORDINARY = [
  '当院は{area}から徒歩{n}分の場所にあります。',
  '診療時間は午前{h}時から午後{h2}時までです。',
  '休診日は{day}と祝日です。',
  'ご予約はお電話またはWEBフォームから承っております。',
  '初めての方は問診票のご記入をお願いしております。',
  '駐車場は提携のコインパーキングをご利用ください。',
  '当日のご予約も空きがあれば対応いたします。',
  '施術前には医師がカウンセリングを行い、ご希望やご体調を伺います。',
  '{other}は{n}回程度を目安におすすめしています。',
  '{other}の施術時間は約{n}0分です。',
  '施術後は当日の激しい運動と長時間の入浴をお控えください。',
  'お支払いは現金、各種クレジットカード、電子マネーがご利用いただけます。',
  '妊娠中・授乳中の方はご相談ください。',
  'キャンセルの際は前日までにご連絡をお願いいたします。',
  '院内は完全個室で、他の患者様と顔を合わせることはありません。',
  '{month}月の診療スケジュールを更新しました。',
  '年末年始の休診期間についてお知らせいたします。',
  '新しいスタッフが加わりました。',
  '待合室をリニューアルしました。',
  '当院では感染対策として換気と消毒を徹底しています。',
  '{name}の料金は1回{price}円（税込）です。',
  '表示価格はすべて税込です。',
  '{name}は自由診療のため、保険は適用されません。',
  '効果には個人差があります。',
  '治療内容について不明な点は、遠慮なくスタッフにお尋ねください。',
  '院長は皮膚科専門医として{n}年以上診療に携わってきました。',
  '医師とスタッフ一同、皆様のご来院をお待ちしております。',
  'Q. 施術中に痛みはありますか？ A. 多くの方はチクッとする程度とおっしゃいます。',
  'Q. メイクはいつからできますか？ A. 翌日からご案内しています。',
  '内出血が出ることがありますが、1〜2週間で自然に消えます。',
  '{name}に使用する製剤は、国内の提携施設から仕入れています。',
  'エクソソームとは、細胞から放出される小さな小胞のことです。',
  '研究が進められている分野であり、今後の報告が待たれます。',
  'アクセスマップはこちらをご覧ください。',
  'お問い合わせフォームは24時間受け付けております。',
];

const CLAIMS = [
  '{name}は副作用がありません。',
  '{name}で肌が確実に若返ります。',
  '日本初の{name}専門外来です。',
  '今月限定で{name}が初回50%OFFになります。',
  '芸能人も受けている{name}です。',
  '{name}（幹細胞培養上清液）を使用しています。',
  '患者様の声：1回で疲れが取れました。',
  '症例写真 ビフォーアフターをご覧ください。',
  '認知症の予防に{name}をおすすめしています。',
  '厚生労働省認可の{name}です。',
  '{name}は肌のハリの改善が期待できます。',
  '腰の痛みが治りました、と喜びの声をいただいています。',
];

const DISCLAIMERS = [
  '本治療に用いる製剤は、医薬品医療機器等法上の承認を受けていない未承認医薬品です。',
  '国内に同等の承認医薬品はありません。',
  '万が一重篤な副作用が生じた場合、医薬品副作用被害救済制度の対象外となります。',
  '主なリスクとして、注射部位の内出血、発熱、倦怠感などがあります。',
  '効果を保証するものではありません。',
  '副作用がないわけではありません。',
];

function fill(t: string, pick: <T>(a: readonly T[]) => T, rnd: () => number): string {
  return t
    .replaceAll('{area}', pick(AREAS))
    .replaceAll('{name}', pick(EV_NAMES))
    .replaceAll('{other}', pick(OTHER))
    .replaceAll('{day}', pick(DAYS))
    .replaceAll('{n}', String(1 + Math.floor(rnd() * 9)))
    .replaceAll('{h}', String(9 + Math.floor(rnd() * 2)))
    .replaceAll('{h2}', String(6 + Math.floor(rnd() * 2)))
    .replaceAll('{month}', String(1 + Math.floor(rnd() * 12)))
    .replaceAll('{price}', (10 + Math.floor(rnd() * 90)).toLocaleString('en-US') + ',000');
}

/** Pages of clinic-like text, together at least `minBytes` of UTF-8. */
export function generateCorpus(minBytes = 5.5 * 1024 * 1024, seed = 20251201): CorpusPage[] {
  const rnd = seededRandom(seed);
  const pick = <T>(a: readonly T[]): T => a[Math.floor(rnd() * a.length)]!;
  const pages: CorpusPage[] = [];
  let bytes = 0;
  while (bytes < minBytes) {
    const clinic = `${pick(CLINICS)}${pick(KINDS)}`;
    const paragraphs: string[] = [`${clinic}｜${pick(EV_NAMES)}・${pick(OTHER)}`];
    const nPara = 6 + Math.floor(rnd() * 10);
    for (let p = 0; p < nPara; p++) {
      const sentences: string[] = [];
      const nSent = 2 + Math.floor(rnd() * 5);
      for (let s = 0; s < nSent; s++) {
        const r = rnd();
        // ~6% claims, ~6% disclaimers/disclosures, the rest ordinary prose
        const pool = r < 0.06 ? CLAIMS : r < 0.12 ? DISCLAIMERS : ORDINARY;
        sentences.push(fill(pick(pool), pick, rnd));
      }
      paragraphs.push(sentences.join(rnd() < 0.2 ? '\n' : ''));
    }
    const text = paragraphs.join('\n\n');
    bytes += Buffer.byteLength(text, 'utf8');
    pages.push({ source: `corpus:${pages.length + 1}`, text });
  }
  return pages;
}
