import { knownDate, type Amendment } from '../model/amendment.js';
import { departmentValues, type Department } from './department.js';
import { formatDateWithWeekday } from '../model/dates.js';
import { diagnose, type Diagnostic } from '../model/diagnostics.js';
import type { TemplateValues } from './template.js';
import { fail, findingsOf, succeed, type Result } from '../model/result.js';

/**
 * The values of the response template (Attachment 2) of an amendment's consultation. It cannot
 * be made without the consultation's id, title, respond-by date and time, contact and questions:
 * each one missing is named. The department is the one responsible on the consultation's issue
 * date (on the respond-by date when the issue date is not known).
 */
export function responseTemplateValues(
  amendment: Amendment,
  departments: readonly Department[],
): Result<TemplateValues> {
  const { consultation, origin: source } = amendment;
  const diagnostics: Diagnostic[] = [];
  // A field that is absent is pointed at by the `consultation:` key; one that is there, at itself.
  const missing = (field: 'id' | 'title' | 'responsesDue' | 'contact' | 'questions'): void => {
    const where =
      consultation[field] === undefined ? source.locateKey([], 'consultation') : source.locate(['consultation', field]);
    diagnostics.push(
      diagnose(
        'PACK_FIELD_MISSING',
        { field: `consultation.${field}`, id: amendment.id, document: 'response-template' },
        where,
      ),
    );
  };
  const { id, title, responsesDue, contact, questions } = consultation;
  if (typeof id !== 'string') missing('id');
  if (title === undefined) missing('title');
  if (responsesDue === undefined) missing('responsesDue');
  if (contact === undefined) missing('contact');
  if (questions.length === 0) missing('questions');
  // The response template is DCC's document: a title of mtad's own never goes into it.
  if (amendment.titleSource !== 'dcc')
    diagnostics.push(
      diagnose(
        'PACK_FIELD_MISSING',
        { field: "title (DCC's own)", id: amendment.id, document: 'response-template' },
        source.locate(['title']),
      ),
    );
  const dated = knownDate(consultation.issued) ?? responsesDue?.date;
  const department =
    dated === undefined
      ? undefined
      : departmentValues(departments, dated, { id: amendment.id, document: 'response-template' });
  if (department) diagnostics.push(...findingsOf(department));
  if (
    !department?.ok ||
    typeof id !== 'string' ||
    title === undefined ||
    responsesDue === undefined ||
    contact === undefined ||
    diagnostics.length > 0
  ) {
    return fail(diagnostics);
  }
  return succeed(
    {
      ...department.value,
      amendmentTitle: amendment.title,
      title,
      consultationId: id,
      // "16:00 on Friday 13 January 2023", as the reference writes it (with its weekday).
      respondBy: `${responsesDue.time} on ${formatDateWithWeekday(responsesDue.date)}`,
      contact,
      questions: questions.map((question) => ({ questionId: question.id, questionText: question.text })),
    },
    diagnostics,
  );
}
