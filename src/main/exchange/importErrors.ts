import { AppError } from '../api/apiErrors'

/** A file that cannot be imported, with what is wrong with it; the database is left as it was. */
export class ImportRejectedError extends AppError {
  constructor(
    readonly problem: string,
    /** The file as the person named it, once known. */
    readonly file?: string
  ) {
    super('invalid-argument', `Nothing was imported${file ? ` from ${file}` : ''}: ${problem}`)
  }
}
