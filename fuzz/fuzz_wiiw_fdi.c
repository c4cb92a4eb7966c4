/*
 * fuzz_wiiw_fdi.c - the wiiw-fdi importer: its header row, then any text as its rows;
 * then the profile of the first row's country.
 */
#include "fuzz_importer.h"

FUZZ_IMPORTER("wiiw-fdi", "\"Tree Level 1\",\"Country-Code\",\"Country\",\"Direction\",\"Partner-Code\",\"Partner\",\"Unit\",\"Footnotes\",\"Sources\",_2003,_2004,_2005,_2006,_2007,_2008,_2009,_2010,_2011,_2012,_2013,_2014,_2015,_2016,_2017,_2018,_2019,_2020,_2021\n")
