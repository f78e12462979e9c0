// The grading queue (staff): pick an item, then grade its students or groups one after another from the keyboard, the rubric beside the hand-in.
import { useCourse, useDocumentTitle } from '../../../course-context.js';
import { Empty } from '../../../components/states.js';
import { useSearchParams } from '../../../router.js';
import { ItemPicker } from './ItemPicker.js';
import { ItemQueueView } from './ItemQueueView.js';
import '../../../auth/auth.css';
import './queue.css';

export default function GradingQueuePage() {
  const course = useCourse();
  useDocumentTitle('Grading queue', [course.code, course.title].filter(Boolean).join(' '));
  const params = useSearchParams();
  const item = params.get('item');
  if (!course.abilities.grade)
    return (
      <Empty>
        <h1>Grading queue</h1>
        <p>Only the course’s staff grade work.</p>
      </Empty>
    );
  return item ? (
    <ItemQueueView key={item} slug={course.slug} itemId={item} owner={params.get('owner')} />
  ) : (
    <ItemPicker slug={course.slug} />
  );
}
