/**
 * Where a course's training subsidy (职业培训补贴) comes from. The law grants it and leaves the
 * amounts to government: 《中华人民共和国就业促进法》第四十九条 (失业人员参加就业培训的，按照有关规定享受
 * 政府培训补贴), paid from the employment fund under 《就业补助资金管理办法》(财社〔2017〕164号).
 * The amount of each course is set by the local notice that approves the course, so it is data on
 * the course (`subsidyFen`, with the notice it cites in `subsidySource`), entered by a labor
 * officer: no figure here is law.
 */
export const TRAINING_SUBSIDY_LAW =
  "《中华人民共和国就业促进法》第四十九条；《就业补助资金管理办法》（财社〔2017〕164号）";
