// The invitation link e-mailed to people added by a roster import: set a first password.
import { SetPasswordPage } from './SetPasswordPage.js';

export default function InvitationPage() {
  return <SetPasswordPage purpose="invite" />;
}
