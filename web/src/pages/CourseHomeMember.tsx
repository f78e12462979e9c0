// The parts of the course home only a signed-in member sees, in code of their own: a visitor's home loads none of it.
export { PinnedAnnouncements } from './announcements/PinnedAnnouncements.js';
export { CheckIn } from './dashboard/CheckIn.js';
export { NextDeadlinesLoader } from './dashboard/NextDeadlines.js';
