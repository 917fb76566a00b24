// #/notices (issue 14 part 9, decision 0038): the professional's regie notices and professionals-around notices.
export { renderNotices as render } from './living.js';
