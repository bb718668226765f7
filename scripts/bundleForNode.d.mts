/** Bundles a TypeScript entry into one ES module plain Node can run; resolves to its path. */
export function bundleForNode(entry: string, outDir: string): Promise<string>
