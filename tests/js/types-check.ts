// Compile-only check of the package's TypeScript surface (never run): `tsc --noEmit` over this file and the
// generated .d.ts, with "dangjian" resolved by name through the package's `exports` (see tests/lib/wasm.sh).
import init, {
  checkAmount,
  coreVersion,
  describeAmount,
  isDangjianError,
  type AmountInput,
  type AmountOutput,
  type DangjianError,
  type DangjianErrorCode,
} from "dangjian";
import * as nodeFlavour from "dangjian/node";

export async function demo(bytes: Uint8Array): Promise<string> {
  await init({ module_or_path: bytes });
  const version: string = coreVersion();
  const normalized: string = checkAmount("12.5");

  const input: AmountInput = { amount: "3.4" };
  const withNote: AmountInput = { amount: "3.4", note: "张三" };
  const out: AmountOutput = describeAmount(withNote);
  const fen: string = out.totalFen;
  const note: string | undefined = out.note;

  try {
    describeAmount(input);
  } catch (e: unknown) {
    if (isDangjianError(e)) {
      const err: DangjianError = e;
      const code: DangjianErrorCode = err.code;
      const asError: Error = err;
      return [code, err.field, err.messageZh, err.messageEn, asError.message].join(" ");
    }
  }
  return [version, normalized, fen, note ?? "", nodeFlavour.checkAmount("1")].join(" ");
}

// The types must refuse what the runtime refuses.
// @ts-expect-error amounts cross as strings, never numbers
describeAmount({ amount: 12 });
// @ts-expect-error `amount` is required
describeAmount({ note: "x" });
// @ts-expect-error checkAmount takes a string
checkAmount(12.5);
// @ts-expect-error codes are a closed union
export const badCode: DangjianErrorCode = "NOT_A_CODE";
// @ts-expect-error the nodejs flavour has no init (it loads synchronously)
nodeFlavour.default;
