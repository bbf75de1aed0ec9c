package dev.luoshi.generate;

/**
 * The sizes of a generated data set. A province has cities with counties; a city has its
 * counties directly; each county has departments and streets (with communities), its
 * campaigns and projects.
 */
enum Scale {

	/** About 20,000 units, 200,000 tasks, 1,000,000 milestones, 2,000,000 reports. */
	PROVINCE(14, 10, 40, 20, 4, 10, 10, 13, 5, 11, 5_000, 60, 100_000),

	/** A tenth of a province. */
	CITY(0, 14, 40, 20, 4, 10, 10, 13, 5, 11, 500, 60, 10_000),

	/** A few hundred rows of everything, for tests. */
	TINY(0, 2, 5, 3, 2, 2, 2, 4, 3, 4, 12, 24, 60);

	final int cities;

	final int counties;

	final int departments;

	final int streets;

	final int communities;

	final int campaigns;

	final int sections;

	final int leaves;

	final int milestones;

	final int reports;

	final int projects;

	final int figureMonths;

	final int notices;

	Scale(int cities, int counties, int departments, int streets, int communities, int campaigns, int sections,
			int leaves, int milestones, int reports, int projects, int figureMonths, int notices) {
		this.cities = cities;
		this.counties = counties;
		this.departments = departments;
		this.streets = streets;
		this.communities = communities;
		this.campaigns = campaigns;
		this.sections = sections;
		this.leaves = leaves;
		this.milestones = milestones;
		this.reports = reports;
		this.projects = projects;
		this.figureMonths = figureMonths;
		this.notices = notices;
	}

	/** Counties in all: per city in a province, directly under the root otherwise. */
	int countyCount() {
		return (this.cities > 0) ? this.cities * this.counties : this.counties;
	}

}
