/** What the phone page asks the hall (hall/contract/proxy-api.ts), as values: every answer checked, every failure a code. */
import type { FaceFrameAnswer, IssuedFaceChallenge } from '../../../electron/contract/domain';
import type { SignatureStrokes } from '../../../electron/contract/proxy';
import type { PhoneCase, PhoneClaimed, PhoneErrorCode, PhoneFaceVerdict } from '../../contract/proxy-api';
import type { Result } from '../../../domain/result';

export type PhoneAnswer<T> = Promise<Result<T, PhoneErrorCode>>;

export interface PhoneApi {
  claim(token: string): PhoneAnswer<PhoneClaimed>;
  consent(granted: boolean): PhoneAnswer<null>;
  challenge(): PhoneAnswer<IssuedFaceChallenge>;
  frame(frame: { challengeId: string; nonce: string; jpeg: string }): PhoneAnswer<FaceFrameAnswer>;
  verify(challengeId: string): PhoneAnswer<PhoneFaceVerdict>;
  phoneCase(): PhoneAnswer<PhoneCase>;
  sign(signature: SignatureStrokes): PhoneAnswer<null>;
  leave(): PhoneAnswer<null>;
}
