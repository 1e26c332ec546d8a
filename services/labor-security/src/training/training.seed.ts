import type { DataSource } from "typeorm";
import { addDays, demoPerson, SeededRandom, type DemoPopulation } from "@onewindow/contracts/demo";
import { bulkInsertEntities, type SeedProgress } from "@onewindow/platform";
import { TrainingCourse, TrainingEnrolment } from "./training.entity";
import { TrainingEnrolmentStatus } from "./training.enums";
import { addSkills } from "./training.service";

const PROVIDER = "杭州市上城区职业技能培训中心";
const NOTICE = "上城区人力资源和社会保障局 补贴性职业技能培训项目目录（演示数据）";

/**
 * The demo street's courses: `starts` days from today (negative: in the past), for the trades of
 * the demo employers' industries, with the certificate each gives. Subsidies are demo figures.
 */
const DEMO_COURSES = [
  {
    title: "低压电工作业（初训）",
    trade: "制造业",
    certificates: ["电工证"],
    starts: -330,
    days: 30,
    seats: 40,
    subsidyFen: 120_000,
  },
  {
    title: "中式烹调师（五级）",
    trade: "住宿和餐饮业",
    certificates: ["厨师证"],
    starts: -270,
    days: 45,
    seats: 30,
    subsidyFen: 150_000,
  },
  {
    title: "养老护理员（五级）",
    trade: "卫生和社会工作",
    certificates: ["养老护理员证"],
    starts: -200,
    days: 30,
    seats: 30,
    subsidyFen: 140_000,
  },
  {
    title: "家政服务员",
    trade: "居民服务业",
    certificates: ["家政服务员证", "健康证"],
    starts: -150,
    days: 20,
    seats: 40,
    subsidyFen: 80_000,
  },
  {
    title: "叉车司机",
    trade: "交通运输业",
    certificates: ["叉车证"],
    starts: -90,
    days: 15,
    seats: 25,
    subsidyFen: 100_000,
  },
  {
    title: "电子商务师（直播销售）",
    trade: "批发和零售业",
    certificates: ["电子商务师证"],
    starts: -10,
    days: 30,
    seats: 30,
    subsidyFen: 130_000,
  },
  {
    title: "低压电工作业（初训）",
    trade: "制造业",
    certificates: ["电工证"],
    starts: 14,
    days: 30,
    seats: 40,
    subsidyFen: 120_000,
  },
  {
    title: "育婴员（五级）",
    trade: "居民服务业",
    certificates: ["育婴员证"],
    starts: 30,
    days: 30,
    seats: 30,
    subsidyFen: 110_000,
  },
] as const;

/**
 * The demo street's training over the last year: the courses above, the registered unemployed of
 * the demo population enrolled in them (about a quarter of them, never past a course's seats),
 * and the results of the courses that have ended: four in five pass with a certificate, whose
 * tags go onto their job-seeker profiles (merged into a profile another seed may have written).
 */
export async function seedTrainingDemo(
  db: DataSource,
  options: DemoPopulation & { onProgress?: SeedProgress },
): Promise<{ courses: number; enrolments: number; passed: number }> {
  const { citizens, employers, today } = options;
  const rnd = new SeededRandom(61);
  const courses = await db.getRepository(TrainingCourse).save(
    DEMO_COURSES.map((c) => ({
      provider: PROVIDER,
      title: c.title,
      trade: c.trade,
      certificates: [...c.certificates],
      startDate: addDays(today, c.starts),
      endDate: addDays(today, c.starts + c.days - 1),
      seats: c.seats,
      enrolled: 0,
      subsidyFen: c.subsidyFen,
      subsidySource: NOTICE,
    })),
  );
  const rows: TrainingEnrolment[] = [];
  const skills = new Map<string, string[]>();
  for (let i = 0; i < citizens; i++) {
    const p = demoPerson(i, employers, today);
    if (p.status !== "UNEMPLOYED" || !rnd.chance(0.25)) continue;
    // A course that had started by the time they registered would not have taken them.
    const open = courses.filter((c) => c.startDate >= p.since && c.enrolled < c.seats);
    if (open.length === 0) continue;
    const course = rnd.pick(open);
    course.enrolled++;
    const ended = course.endDate < today;
    const passed = ended && rnd.chance(0.8);
    rows.push({
      courseId: course.id,
      idNumber: p.idNumber,
      enrolledOn: addDays(course.startDate, -rnd.int(3, 20)),
      status: !ended
        ? TrainingEnrolmentStatus.ENROLLED
        : passed
          ? TrainingEnrolmentStatus.PASSED
          : TrainingEnrolmentStatus.FAILED,
      resultOn: ended ? addDays(course.endDate, 1) : null,
      certificate: passed ? `${course.certificates[0]} ${p.idNumber.slice(0, 6)}${String(i).padStart(6, "0")}` : null,
    } as TrainingEnrolment);
    if (passed) skills.set(p.idNumber, [...(skills.get(p.idNumber) ?? []), ...course.certificates]);
  }
  await bulkInsertEntities(
    db,
    TrainingEnrolment,
    rows.length,
    (k) => rows[k],
    (done, total) => options.onProgress?.(done, total, "training enrolments"),
  );
  for (const c of courses) await db.getRepository(TrainingCourse).update(c.id, { enrolled: c.enrolled });
  // Through the service's own merge, so a profile another seed wrote keeps what it has.
  for (const [idNumber, tags] of skills) await addSkills(db.manager, idNumber, tags, `${today}T00:00:00.000Z`);
  return { courses: courses.length, enrolments: rows.length, passed: skills.size };
}
