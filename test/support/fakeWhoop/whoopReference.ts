import fs from 'node:fs'
import path from 'node:path'
import Ajv from 'ajv'
import addFormats from 'ajv-formats'

/** WHOOP's reference material, kept beside the repository in `../shared/whoop-api`. */
const whoopReferenceDir = path.resolve(__dirname, '../../../../shared/whoop-api')

export function readReference(file: string): any {
  const full = path.join(whoopReferenceDir, file)
  if (!fs.existsSync(full)) throw new Error(`${full} is missing: the WHOOP reference must sit in ../shared/whoop-api`)
  return JSON.parse(fs.readFileSync(full, 'utf8'))
}

/**
 * A JSON-Schema validator for the 200 response of each operation in WHOOP's OpenAPI document,
 * looked up by operationId. OpenAPI's extra formats (int32, int64, float, double) are numbers;
 * their JSON type is already checked by `type`.
 */
export function openApiResponseValidator() {
  const spec = readReference('openapi.json')
  const ajv = new Ajv({ strict: false, allErrors: true })
  addFormats(ajv)
  for (const format of ['int32', 'int64', 'float', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true })
  ajv.addSchema(spec, 'whoop-openapi')

  const operations = new Map<string, string>()
  for (const [route, methods] of Object.entries<any>(spec.paths)) {
    for (const [method, operation] of Object.entries<any>(methods)) {
      const schema = operation.responses?.['200']?.content?.['application/json']?.schema
      if (schema?.$ref) operations.set(operation.operationId, schema.$ref)
      void route
      void method
    }
  }

  return (operationId: string, body: unknown): string[] => {
    const ref = operations.get(operationId)
    if (!ref) throw new Error(`openapi.json has no JSON 200 response for ${operationId}`)
    const validate = ajv.getSchema(`whoop-openapi${ref}`)!
    return validate(body) ? [] : (validate.errors ?? []).map((error) => `${error.instancePath} ${error.message}`)
  }
}
