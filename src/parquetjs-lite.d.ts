// parquetjs-lite ships no type declarations; the pipeline uses only these calls.
declare module 'parquetjs-lite' {
  export class ParquetSchema {
    constructor(definition: Record<string, { type: string; optional?: boolean; compression?: string }>);
  }
  export class ParquetWriter {
    static openFile(schema: ParquetSchema, path: string, options?: { useDataPageV2?: boolean }): Promise<ParquetWriter>;
    setRowGroupSize(rows: number): void;
    appendRow(row: Record<string, unknown>): Promise<void>;
    close(): Promise<void>;
  }
  const parquet: { ParquetSchema: typeof ParquetSchema; ParquetWriter: typeof ParquetWriter };
  export default parquet;
}
