/** 常用语: the common phrases of replies, 直接答复 and 退单理由, as clients send and read them. Imports only TypeBox. */
import { Type as T, type Static } from '@sinclair/typebox';
import { MaybeString, Nullable, OneOf } from '../../../platform/contract';

/** reply = 办结答复 (the unit), direct_answer = 直接答复 (the centre), return = 退单理由 (the unit). */
export const PHRASE_PURPOSES = ['reply', 'direct_answer', 'return'] as const;
export type PhrasePurpose = (typeof PHRASE_PURPOSES)[number];
export const MAX_PHRASES_PER_PURPOSE = 50;
export const MAX_PHRASE_LENGTH = 500;
/** The placeholders a phrase may hold; the action dialog fills them from the order. */
export const PHRASE_PLACEHOLDERS = ['{工单号}', '{地址}', '{标题}', '{分类}', '{承办单位}'] as const;

export const PhraseIn = T.Object(
  {
    text: T.String({ minLength: 1, maxLength: MAX_PHRASE_LENGTH }),
    /** Offered only for orders of this category or its subcategories; absent = every category. */
    categoryCode: T.Optional(T.String({ minLength: 1, maxLength: 20 })),
  },
  { additionalProperties: false },
);
export type PhraseIn = Static<typeof PhraseIn>;

export const PhrasesBody = T.Object(
  {
    purpose: OneOf(PHRASE_PURPOSES),
    phrases: T.Array(PhraseIn, { maxItems: MAX_PHRASES_PER_PURPOSE }),
  },
  { additionalProperties: false },
);
export type PhrasesBody = Static<typeof PhrasesBody>;

export const PhrasesQuery = T.Object(
  {
    purpose: T.Optional(OneOf(PHRASE_PURPOSES)),
    /** Only the phrases for every category and those of this category's line. */
    categoryCode: T.Optional(T.String({ maxLength: 20 })),
  },
  { additionalProperties: false },
);

export const PhraseView = T.Object({ purpose: OneOf(PHRASE_PURPOSES), text: T.String(), categoryCode: MaybeString });
export type PhraseView = Static<typeof PhraseView>;
export const PhraseList = T.Object({
  items: T.Array(PhraseView),
  /** When the listed purposes were last saved (the latest of them); null = never. */
  updatedAt: Nullable(T.Number()),
});
export type PhraseList = Static<typeof PhraseList>;
