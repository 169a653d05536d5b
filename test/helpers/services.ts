/**
 * A valid 主项 guide for the services tests: one department, one site, the 本人/代理人 question and its
 * two materials (the 授权委托书 only for an agent). Each suite gives the fields it is about.
 */
export interface GuideBase {
  name: string;
  /** 12-digit-code prefix of the suite's own range (e.g. 'QT999'), so suites never share a code */
  codePrefix: string;
  n: number;
  department: { id: string; name: string };
  siteId: string;
  /** the main form's name */
  formName?: string;
}

export function testGuide(base: GuideBase, extra: Record<string, unknown> = {}) {
  return {
    level: 'main',
    name: base.name,
    basicCode: `${base.codePrefix}${String(base.n).padStart(3, '0')}000000`,
    areaCode: '440605011000',
    taskCode: '000',
    itemType: 'licensing',
    departmentId: base.department.id,
    implementingBody: base.department.name,
    implementingBodyCode: '115113010833722043',
    exerciseLevels: ['town'],
    legalBasis: '《中华人民共和国行政许可法》',
    caseType: 'promised',
    legalLimitDays: 20,
    promisedLimitDays: 5,
    specialSteps: [],
    fees: [],
    onlineDepth: 'pre_review',
    visits: 1,
    mailable: true,
    consultPhone: '0757-8620 0000',
    complaintPhone: '12345',
    siteIds: [base.siteId],
    lifeEvents: ['business'],
    questions: [
      {
        key: 'applicant',
        text: '由谁办理？',
        options: [
          { value: 'self', label: '本人' },
          { value: 'agent', label: '代理人' },
        ],
      },
    ],
    materials: [
      {
        key: 'form',
        name: base.formName ?? '申请表',
        form: 'original',
        count: 1,
        required: true,
        paper: true,
        electronic: true,
        source: 'applicant',
      },
      {
        key: 'poa',
        name: '授权委托书',
        form: 'original',
        count: 1,
        required: true,
        paper: true,
        electronic: false,
        source: 'applicant',
        when: [{ question: 'applicant', values: ['agent'] }],
      },
    ],
    ...extra,
  };
}
