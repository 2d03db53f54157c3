import { compilesAsJavaRegex, matchesAnyOrigin } from '../../src/bridge/java-regex';

describe('Java regex subset for CORS origins', () => {
  test.each([
    'https://app\\.example\\.com',
    'https://[a-z0-9-]+\\.example\\.com(:[0-9]+)?',
    '(?i)https://APP\\.example\\.com',
    'https://(?>a|b)\\.example',
    'https://a++\\.example',
    '\\Ahttps://x\\.example\\z',
    '\\Qhttps://x.example\\E',
    'https://x\\-y\\.example',
    '[]a]',
    '*',
  ])('compiles: %s', (p) => expect(compilesAsJavaRegex(p === '*' ? '.*' : p)).toBe(true));

  test.each([
    'https://(a|b\\.example',
    'https://a{',
    '[a-z&&[^b]]',
    '\\',
    'https://[a-',
    '\\p{javaLowerCase}',
  ])('does not compile: %s', (p) => expect(compilesAsJavaRegex(p)).toBe(false));

  test('any-origin patterns', () => {
    expect(matchesAnyOrigin('*')).toBe(true);
    expect(matchesAnyOrigin('.*')).toBe(true);
    expect(matchesAnyOrigin('https?://.+')).toBe(true);
    expect(matchesAnyOrigin('https://.*')).toBe(true);
    expect(matchesAnyOrigin('https://app\\.example\\.com')).toBe(false);
    expect(matchesAnyOrigin('https://.*\\.example\\.com')).toBe(false);
  });
});
