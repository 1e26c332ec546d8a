/**
 * Employment-assistance target groups (就业援助对象). Labor security decides who is in one; other
 * departments name the groups too (notifications' broadcast audiences), and a GraphQL enum two
 * subgraphs declare must be the same in both, so its values and descriptions are written once here.
 */
export enum AssistanceCategory {
  FORTY_FIFTY = "FORTY_FIFTY",
  ZERO_EMPLOYMENT_FAMILY = "ZERO_EMPLOYMENT_FAMILY",
  LONG_TERM_UNEMPLOYED = "LONG_TERM_UNEMPLOYED",
}

/** The GraphQL enum's name and descriptions, as type-graphql's `registerEnumType` takes them. */
export const ASSISTANCE_CATEGORY_ENUM = {
  name: "AssistanceCategory",
  description:
    "Employment-assistance target groups (就业援助对象); nobody is in one from their statutory retirement date.",
  valuesConfig: {
    FORTY_FIFTY: {
      description:
        '"4050": registered unemployed women aged 40 or more and men aged 50 or more, until the statutory retirement date.',
    },
    ZERO_EMPLOYMENT_FAMILY: {
      description: "Registered unemployed, in a household where no member is employed (零就业家庭).",
    },
    LONG_TERM_UNEMPLOYED: { description: "Registered unemployed for 12 months or more." },
  },
};
