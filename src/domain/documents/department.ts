/**
 * The government department a consultation names: it receives DCC's summary of the responses and
 * may receive the responses in full. This is the reference consultation's wording (5 December
 * 2022), written as it writes it, and the one place the consultation takes the department from.
 */
export const REFERENCE_DEPARTMENT = {
  department: 'Department for Business, Energy, and Industrial Strategy',
  departmentAbbreviation: 'BEIS',
} as const;
