import { describe, expect, it } from 'vitest';
import { conclusionTitle } from '../../src/render/conclusion-markdown.js';

describe("the title of a conclusion report's files", () => {
  it("is the consultation's title, else the amendment's, and says of the department's copy not to publish it", () => {
    const titles = { amendmentTitle: 'Close MOC (Secure)', consultationTitle: 'MDUST closure' };
    expect(conclusionTitle(titles, 'public')).toBe('MDUST closure - Conclusion');
    expect(conclusionTitle({ amendmentTitle: 'Close MOC (Secure)' }, 'public')).toBe('Close MOC (Secure) - Conclusion');
    expect(conclusionTitle(titles, 'department')).toBe(
      'MDUST closure - Conclusion (for the department: not to be published)',
    );
  });
});
